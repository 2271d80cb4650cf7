using System.Diagnostics;

namespace LoadGenerator.Hosting;

/// <summary>
/// A host started as a child process (<c>dotnet host.dll --urls http://127.0.0.1:port</c>) on loopback, with its own
/// temporary data directory. Its output is drained (and only the tail kept, for start-up failures).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Lock _tailLock = new();
    private readonly Stopwatch _sinceLaunch;
    private long _logLines;

    private ServerProcess(HostTarget target, Process process, Uri baseUri, string dataDirectory, Stopwatch sinceLaunch)
    {
        Target = target;
        _sinceLaunch = sinceLaunch;
        _process = process;
        BaseUri = baseUri;
        DataDirectory = dataDirectory;
    }

    public HostTarget Target { get; }

    /// <summary>Lines the host wrote to stdout/stderr so far (log volume per turn is a cost too).</summary>
    public long LogLines => Interlocked.Read(ref _logLines);

    public Uri BaseUri { get; }

    public string DataDirectory { get; }

    public int Pid => _process.Id;

    /// <summary>From process start to the first HTTP answer (start-up including content loading, if the host loads eagerly).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// CPU time (user + system, all threads) the host had used by its first HTTP answer: less sensitive than the
    /// wall clock to other processes on a shared machine.
    /// </summary>
    public TimeSpan StartupCpu { get; private set; }

    /// <summary>
    /// From process start to the first turn answered with a message (set by the caller that plays it): a host that
    /// answered HTTP before it could take a turn would show it here.
    /// </summary>
    public TimeSpan? FirstTurnTime { get; set; }

    /// <summary>Time since <c>Process.Start</c> was called (the clock the start-up figures use).</summary>
    public TimeSpan SinceLaunch => _sinceLaunch.Elapsed;

    /// <summary>What the host's state storage turned out to be, judged by the SQLite file appearing in its data directory.</summary>
    public string StorageSeen => File.Exists(Path.Combine(DataDirectory, "awarenessbot.db")) ? "SQLite" : "no SQLite file (in-memory?)";

    public ProcessSample Sample() => ProcessStats.Read(_process.Id);

    public static async Task<ServerProcess> StartAsync(HostTarget target, ServerSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(target.DllPath))
        {
            throw new FileNotFoundException($"{target.Name} is not built: {target.DllPath}. Run: dotnet build -c {RepoLayout.Configuration} bench/LoadGenerator");
        }

        var port = FreePort.Next();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        var dataDirectory = Path.Combine(settings.DataRoot, $"awarenessbot-bench-{target.Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(target.DllPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(target.DllPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUri.ToString().TrimEnd('/'));
        settings.Apply(start.Environment, dataDirectory);

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {target.Name}.");
        var server = new ServerProcess(target, process, baseUri, dataDirectory, clock);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilListeningAsync(clock, cancellationToken);
        return server;
    }

    public string Tail()
    {
        lock (_tailLock)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first so the host shuts down as in production (flushes analytics, closes SQLite).
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a benchmark for.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref _logLines);
        lock (_tailLock)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    private async Task WaitUntilListeningAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Target.Name} exited with code {_process.ExitCode} during start-up:{Environment.NewLine}{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                StartupTime = clock.Elapsed;
                StartupCpu = TimeSpan.FromSeconds(ProcessStats.Read(_process.Id).CpuSeconds);
                return; // any HTTP answer means Kestrel is listening and the app is built
            }
            catch (HttpRequestException)
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(20, cancellationToken);
            }
        }

        throw new TimeoutException($"{Target.Name} did not answer within 90 s:{Environment.NewLine}{Tail()}");
    }
}
