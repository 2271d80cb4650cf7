using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Services;
using AwarenessBot.Content.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AwarenessBot.Content.DependencyInjection;

public static class ContentServiceCollectionExtensions
{
    /// <summary>Registers the content repository and service directory over the seeds folder (no hot reload).</summary>
    public static IServiceCollection AddContentRepository(this IServiceCollection services, string seedsDirectory) =>
        services.AddContentRepository(o => o.SeedsPath = seedsDirectory);

    /// <summary>
    /// Registers <see cref="IContentRepository"/>, <see cref="IServiceDirectory"/> and <see cref="IContentHealth"/>
    /// (singletons over one snapshot) and a hosted service that loads and validates at start-up (fail fast with every
    /// error) and, when <see cref="ContentOptions.HotReload"/> is on, watches the folder.
    /// </summary>
    public static IServiceCollection AddContentRepository(this IServiceCollection services, Action<ContentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ContentOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.SeedsPath))
        {
            throw new ArgumentException("ContentOptions.SeedsPath is required", nameof(configure));
        }

        options.SeedsPath = Path.GetFullPath(options.SeedsPath);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        // When a larger snapshot (the engine's) loads content with everything else, start from its load: one load, one version.
        services.AddSingleton(sp => new ContentSnapshotHolder(() => sp.GetService<IInitialContentSource>() is { } source
            ? source.InitialContent.Snapshot
            : ContentValidator.LoadOrThrow(options.SeedsPath, sp.GetRequiredService<TimeProvider>().GetUtcNow())));
        services.AddSingleton<IContentHealth>(sp => sp.GetRequiredService<ContentSnapshotHolder>());
        services.AddSingleton<IContentPublisher>(sp => sp.GetRequiredService<ContentSnapshotHolder>());
        services.AddSingleton<IContentRepository, ContentRepository>();
        services.AddSingleton<IServiceDirectory, ServiceDirectory>();
        services.AddHostedService<ContentStartupService>();
        return services;
    }
}
