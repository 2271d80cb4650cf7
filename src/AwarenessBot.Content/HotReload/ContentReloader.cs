using System.Diagnostics;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Validation;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Content.HotReload;

/// <summary>
/// Watches seeds/ and reloads after edits settle (debounced). A valid result replaces the snapshot atomically; a
/// broken edit keeps the last good snapshot and logs which files failed and how many errors (never their text).
/// </summary>
internal sealed class ContentReloader : IDisposable
{
    private readonly string _seedsDirectory;
    private readonly ContentSnapshotHolder _holder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;

    public ContentReloader(string seedsDirectory, ContentSnapshotHolder holder, TimeProvider time, ILogger logger, TimeSpan debounce)
    {
        _seedsDirectory = seedsDirectory;
        _holder = holder;
        _time = time;
        _logger = logger;
        _debounce = debounce;
    }

    /// <summary>Raised after every reload attempt (tests and health checks listen to it).</summary>
    public event Action<ReloadResult>? Reloaded;

    public void Start()
    {
        _watcher = new FileSystemWatcher(_seedsDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName | NotifyFilters.Size,
        };
        _watcher.Changed += OnFileEvent;
        _watcher.Created += OnFileEvent;
        _watcher.Deleted += OnFileEvent;
        _watcher.Renamed += OnFileEvent;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Reloads now. Also the path a "reload" command or a test takes without waiting for the watcher.</summary>
    public ReloadResult TryReload()
    {
        var clock = Stopwatch.StartNew();
        var (report, snapshot) = ContentValidator.Load(_seedsDirectory, _time.GetUtcNow());
        ReloadResult result;
        if (snapshot is not null)
        {
            _holder.Swap(snapshot);
            result = new ReloadResult(true, 0, [], clock.Elapsed);
            var (items, services, milliseconds) = (snapshot.Items.Count, snapshot.Services.Count, clock.ElapsedMilliseconds);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Content reloaded: {Items} items, {Services} services in {Milliseconds} ms", items, services, milliseconds);
            }
        }
        else
        {
            var files = report.Errors.GroupBy(e => e.File, StringComparer.Ordinal).Select(g => $"{g.Key} ({g.Count()} errors)").ToList();
            _holder.RecordFailure($"{report.Errors.Count} errors in {string.Join(", ", files)}");
            result = new ReloadResult(false, report.Errors.Count, files, clock.Elapsed);
            var fileList = string.Join(", ", files);
            _logger.LogWarning("Content reload rejected, keeping the last good content: {ErrorCount} errors in {Files}", report.Errors.Count, fileList);
        }

        Reloaded?.Invoke(result);
        return result;
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        if (!e.FullPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !e.FullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        lock (_gate)
        {
            // Editors save in bursts (temp file, rename, touch): wait until the burst is over, then reload once.
            _timer?.Dispose();
            _timer = _time.CreateTimer(_ => SafeReload(), null, _debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void SafeReload()
    {
        try
        {
            TryReload();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Content reload failed to read the seeds folder: {ExceptionType}", ex.GetType().Name);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        lock (_gate)
        {
            _timer?.Dispose();
        }
    }
}
