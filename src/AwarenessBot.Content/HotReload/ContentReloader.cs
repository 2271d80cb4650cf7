using System.Diagnostics;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Validation;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Content.HotReload;

/// <summary>
/// Watches the data folders and reloads after edits settle (debounced). A valid result replaces the snapshot
/// atomically; a broken edit keeps the last good snapshot and logs which files failed and how many errors (never their
/// text). It reloads content alone, or, when given an <see cref="IReloadSource"/>, everything that source owns.
/// </summary>
internal sealed class ContentReloader : IDisposable
{
    // Data files: YAML and JSON (schemas), and the trained models the snapshot reads.
    private static readonly string[] WatchedExtensions = [".yaml", ".json", ".model"];
    private readonly string _seedsDirectory;
    private readonly ContentSnapshotHolder? _holder;
    private readonly IReloadSource? _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly Lock _gate = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private ITimer? _timer;

    public ContentReloader(string seedsDirectory, ContentSnapshotHolder holder, TimeProvider time, ILogger logger, TimeSpan debounce)
    {
        _seedsDirectory = seedsDirectory;
        _holder = holder;
        _time = time;
        _logger = logger;
        _debounce = debounce;
    }

    /// <summary>Reloads what <paramref name="source"/> owns (the seeds and dialogs folders together).</summary>
    public ContentReloader(IReloadSource source, TimeProvider time, ILogger logger, TimeSpan debounce)
    {
        _source = source;
        _seedsDirectory = string.Empty;
        _time = time;
        _logger = logger;
        _debounce = debounce;
    }

    /// <summary>Raised after every reload attempt (tests and health checks listen to it).</summary>
    public event Action<ReloadResult>? Reloaded;

    public void Start()
    {
        foreach (var folder in _source?.WatchedFolders ?? [_seedsDirectory])
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName | NotifyFilters.Size,
            };
            watcher.Changed += OnFileEvent;
            watcher.Created += OnFileEvent;
            watcher.Deleted += OnFileEvent;
            watcher.Renamed += OnFileEvent;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Reloads now. Also the path a "reload" command or a test takes without waiting for the watcher.</summary>
    public ReloadResult TryReload()
    {
        var result = _source?.Reload() ?? ReloadContent(_holder!);
        Reloaded?.Invoke(result);
        return result;
    }

    private ReloadResult ReloadContent(ContentSnapshotHolder holder)
    {
        var clock = Stopwatch.StartNew();
        var (report, snapshot) = ContentValidator.Load(_seedsDirectory, _time.GetUtcNow());
        ReloadResult result;
        if (snapshot is not null)
        {
            holder.Swap(snapshot);
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
            holder.RecordFailure($"{report.Errors.Count} errors in {string.Join(", ", files)}");
            result = new ReloadResult(false, report.Errors.Count, files, clock.Elapsed);
            var fileList = string.Join(", ", files);
            _logger.LogWarning("Content reload rejected, keeping the last good content: {ErrorCount} errors in {Files}", report.Errors.Count, fileList);
        }

        return result;
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        if (!WatchedExtensions.Any(extension => e.FullPath.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
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
            _logger.LogWarning("Reload failed to read the data folders: {ExceptionType}", ex.GetType().Name);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        lock (_gate)
        {
            _timer?.Dispose();
        }
    }
}
