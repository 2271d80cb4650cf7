using System.Diagnostics;
using AwarenessBot.Content.HotReload;
using AwarenessBot.Content.Repository;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Content.DependencyInjection;

/// <summary>
/// Loads the seeds when the host starts, so invalid content stops start-up with every error listed
/// (a <see cref="Validation.ContentValidationException"/>), and starts the hot reloader when enabled.
/// </summary>
internal sealed class ContentStartupService(
    ContentSnapshotHolder holder, ContentOptions options, TimeProvider time, ILogger<ContentStartupService> logger, IReloadSource? source = null)
    : IHostedService, IDisposable
{
    private ContentReloader? _reloader;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = holder.Current;
        var (items, services, milliseconds) = (snapshot.Items.Count, snapshot.Services.Count, clock.ElapsedMilliseconds);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Content loaded: {Items} items, {Services} services in {Milliseconds} ms", items, services, milliseconds);
        }
        if (options.HotReload)
        {
            // One reloader: for everything the registered source owns (the engine's snapshot), else for content alone.
            _reloader = source is null
                ? new ContentReloader(options.SeedsPath, holder, time, logger, options.ReloadDebounce)
                : new ContentReloader(source, time, logger, options.ReloadDebounce);
            _reloader.Start();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _reloader?.Dispose();
        _reloader = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _reloader?.Dispose();
}
