using LoadGenerator.Script;

namespace LoadGenerator.Load;

/// <summary>One bounded run of one host at one concurrency.</summary>
internal sealed class RunResult(string host, int concurrency, TimeSpan elapsed, IReadOnlyList<LatencyRecorder> workers)
{
    public string Host { get; } = host;

    public int Concurrency { get; } = concurrency;

    public TimeSpan Elapsed { get; } = elapsed;

    public IReadOnlyList<LatencyRecorder> Workers { get; } = workers;

    public long Turns => Workers.Sum(w => w.ByStep.Sum(s => (long)s.Count));

    public long HttpErrors => Workers.Sum(w => w.HttpErrors);

    public long EmptyReplies => Workers.Sum(w => w.EmptyReplies);

    public long Failures => Workers.Sum(w => w.Failures);

    public long Errors => HttpErrors + EmptyReplies + Failures;

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public long ResponseBytes => Workers.Sum(w => w.ResponseBytes);

    /// <summary>
    /// CPU seconds the load generator itself used during the run (this process, every thread): it shares the cores
    /// with the host, so what it spends per turn (writing requests, reading and parsing replies) is throughput the
    /// host does not get.
    /// </summary>
    public double GeneratorCpuSeconds { get; set; }

    /// <summary>CPU seconds the host used during the run (from /proc), set by the caller.</summary>
    public double HostCpuSeconds { get; set; }

    /// <summary>Bytes the host wrote to files during the run (/proc wchar: SQLite's WAL and database), -1 if unknown.</summary>
    public long HostWrittenBytes { get; set; } = -1;

    /// <summary>Host RSS after the run, in KB.</summary>
    public long HostRssKb { get; set; }

    public IEnumerable<long> AllTicks => Workers.SelectMany(w => w.ByStep.SelectMany(s => s));

    public IEnumerable<long> StepTicks(int step) => Workers.SelectMany(w => w.ByStep[step]);

    public static IReadOnlyList<string> StepNames => [.. ConversationScript.Steps.Select(s => s.Name)];
}
