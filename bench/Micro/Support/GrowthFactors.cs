namespace Micro.Support;

/// <summary>
/// The content sizes the growth benchmarks run at: 1×, 10× and 100× the real seeds, or only 1× for the CI smoke
/// (<c>AWARENESSBOT_BENCH_SMOKE=1</c>, set by bench/smoke.sh), where building and loading 100 copies would take
/// minutes and prove nothing more than 1× does.
/// </summary>
internal static class GrowthFactors
{
    public static IEnumerable<int> Copies =>
        Environment.GetEnvironmentVariable("AWARENESSBOT_BENCH_SMOKE") == "1" ? [1] : [1, 10, 100];
}
