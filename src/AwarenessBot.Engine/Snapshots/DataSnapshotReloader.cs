using System.Diagnostics;
using AwarenessBot.Content.HotReload;
using AwarenessBot.Content.Repository;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Engine.Snapshots;

/// <summary>
/// What the content hot reloader reloads when the engine is registered: seeds/ and dialogs/ together, through the
/// whole pipeline. A valid result swaps the engine's snapshot and publishes its content to the host's repository; a
/// broken edit keeps both and logs the files and error counts (never any text from them).
/// </summary>
internal sealed class DataSnapshotReloader(
    DataSnapshotHolder holder, IContentPublisher content, string seedsDirectory, string dialogsDirectory, ILogger<DataSnapshotReloader> logger)
    : IReloadSource
{
    public IReadOnlyList<string> WatchedFolders { get; } = [seedsDirectory, dialogsDirectory];

    public ReloadResult Reload()
    {
        var clock = Stopwatch.StartNew();
        var (report, snapshot) = holder.Load();
        if (snapshot is not null)
        {
            holder.Swap(snapshot);
            content.Publish(snapshot.Content);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Data reloaded: {Flows} flows, {Items} items, {Services} services in {Milliseconds} ms",
                    snapshot.FlowCount, snapshot.Content.ItemCount, snapshot.Content.ServiceCount, clock.ElapsedMilliseconds);
            }

            return new ReloadResult(true, 0, [], clock.Elapsed);
        }

        var files = report.Errors.GroupBy(e => e.File, StringComparer.Ordinal).Select(g => $"{g.Key} ({g.Count()} errors)").ToList();
        var fileList = string.Join(", ", files);
        content.RecordFailure($"{report.Errors.Count} errors in {fileList}");
        logger.LogWarning("Data reload rejected, keeping the last good snapshot: {ErrorCount} errors in {Files}", report.Errors.Count, fileList);
        return new ReloadResult(false, report.Errors.Count, files, clock.Elapsed);
    }
}
