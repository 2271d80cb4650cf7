namespace LoadGenerator.Load;

/// <summary>Latency percentiles in milliseconds (nearest-rank on the sorted sample).</summary>
internal sealed record Percentiles(double P50, double P95, double P99, double Max, int Count)
{
    public static readonly Percentiles None = new(double.NaN, double.NaN, double.NaN, double.NaN, 0);

    public static Percentiles Of(IEnumerable<long> ticks)
    {
        var sorted = ticks.ToArray();
        if (sorted.Length == 0)
        {
            return None;
        }

        Array.Sort(sorted);
        double At(double q) => LatencyRecorder.ToMilliseconds(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)]);
        return new Percentiles(At(0.50), At(0.95), At(0.99), LatencyRecorder.ToMilliseconds(sorted[^1]), sorted.Length);
    }
}
