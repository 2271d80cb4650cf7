using LoadGenerator.Load;

namespace LoadGenerator.Modes;

/// <summary>Several rounds of one host at one concurrency, pooled: throughput over total time, percentiles over all turns.</summary>
internal sealed class Aggregate(IReadOnlyList<RunResult> rounds)
{
    public IReadOnlyList<RunResult> Rounds { get; } = rounds;

    public long Turns => Rounds.Sum(r => r.Turns);

    public double TurnsPerSecond => Turns / Rounds.Sum(r => r.Elapsed.TotalSeconds);

    public double MinRoundRate => Rounds.Count == 0 ? double.NaN : Rounds.Min(r => r.TurnsPerSecond);

    public double MaxRoundRate => Rounds.Count == 0 ? double.NaN : Rounds.Max(r => r.TurnsPerSecond);

    public Percentiles Latency { get; } = Percentiles.Of(rounds.SelectMany(r => r.AllTicks));

    public long Errors => Rounds.Sum(r => r.Errors);

    public long HttpErrors => Rounds.Sum(r => r.HttpErrors);

    public long EmptyReplies => Rounds.Sum(r => r.EmptyReplies);

    public long Failures => Rounds.Sum(r => r.Failures);

    /// <summary>Host CPU milliseconds per turn (both cores count: 2 s of CPU in 1 s of wall time is possible).</summary>
    public double CpuMsPerTurn => Turns == 0 ? double.NaN : Rounds.Sum(r => r.HostCpuSeconds) * 1000 / Turns;

    /// <summary>The load generator's own CPU milliseconds per turn (it runs on the same cores as the host).</summary>
    public double GeneratorCpuMsPerTurn => Turns == 0 ? double.NaN : Rounds.Sum(r => r.GeneratorCpuSeconds) * 1000 / Turns;

    /// <summary>Response body bytes per turn: what the generator reads and parses.</summary>
    public double ResponseBytesPerTurn => Turns == 0 ? double.NaN : (double)Rounds.Sum(r => r.ResponseBytes) / Turns;

    /// <summary>
    /// Bytes the host wrote to files per turn (SQLite: a WAL frame is a 4,096-byte page and a 24-byte header; a
    /// checkpoint copies pages into the database file), NaN when /proc/&lt;pid&gt;/io could not be read.
    /// </summary>
    public double WrittenBytesPerTurn => Turns == 0 || Rounds.Any(r => r.HostWrittenBytes < 0) ? double.NaN : (double)Rounds.Sum(r => r.HostWrittenBytes) / Turns;

    public Percentiles Step(int step) => Percentiles.Of(Rounds.SelectMany(r => r.StepTicks(step)));
}
