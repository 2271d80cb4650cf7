using AwarenessBot.Content.HotReload;
using AwarenessBot.Content.Repository;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Engine.DependencyInjection;

public static class DialogEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singleton <see cref="IDialogEngine"/> over one <see cref="DataSnapshot"/> of seeds/ and dialogs/
    /// (the <see cref="DataPipeline"/>, with the host's extra <paramref name="checks"/>). Resolving it loads and
    /// validates everything and throws FlowValidationException listing every error of every stage: resolve it at
    /// start-up to fail fast. The content repository starts from the same load, and the content hot reloader (when
    /// on) reloads the whole snapshot.
    /// </summary>
    public static IServiceCollection AddDialogEngine(
        this IServiceCollection services, string dialogsDirectory, string seedsDirectory, IEnumerable<DataCheck>? checks = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var hostChecks = (checks ?? []).ToList();
        services.AddSingleton(sp => new DataSnapshotHolder(
            () => DataPipeline.Load(dialogsDirectory, seedsDirectory, hostChecks, sp.GetRequiredService<TimeProvider>().GetUtcNow())));
        services.AddSingleton<IInitialContentSource>(sp => sp.GetRequiredService<DataSnapshotHolder>());
        services.AddSingleton<IReloadSource>(sp => new DataSnapshotReloader(
            sp.GetRequiredService<DataSnapshotHolder>(), sp.GetRequiredService<IContentPublisher>(), seedsDirectory, dialogsDirectory,
            sp.GetRequiredService<ILogger<DataSnapshotReloader>>()));
        services.AddSingleton<IDialogEngine>(sp => new SnapshotDialogEngine(sp.GetRequiredService<DataSnapshotHolder>()));
        services.AddSingleton<ILessonCatalog>(sp => new SnapshotLessonCatalog(sp.GetRequiredService<DataSnapshotHolder>()));
        return services;
    }
}
