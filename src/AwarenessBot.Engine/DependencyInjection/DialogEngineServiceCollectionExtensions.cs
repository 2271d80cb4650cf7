using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Engine.DependencyInjection;

public static class DialogEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singleton <see cref="IDialogEngine"/>. It is built on first resolve from the container's
    /// IContentRepository and IServiceDirectory and throws FlowValidationException listing every error if the
    /// flows are not valid: resolve it at start-up to fail fast.
    /// </summary>
    public static IServiceCollection AddDialogEngine(this IServiceCollection services, string dialogsDirectory, string seedsDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IDialogEngine>(sp => EngineFactory.Create(
            dialogsDirectory,
            seedsDirectory,
            sp.GetRequiredService<IContentRepository>(),
            sp.GetRequiredService<IServiceDirectory>()));
        services.AddSingleton<ILessonCatalog>(sp => EngineFactory.LessonsOf(sp.GetRequiredService<IDialogEngine>()));
        return services;
    }
}
