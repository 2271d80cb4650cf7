using System.Runtime.ExceptionServices;

namespace AwarenessBot.Content.Loading;

/// <summary>Parallel loops for loading whose results keep the input order and whose failures look sequential.</summary>
internal static class ParallelWork
{
    /// <summary>
    /// One worker per core. Unbounded, the loop takes every thread the pool adds while it runs, and the host listens
    /// during the load: a request that arrived then (a health probe) waited behind the whole load, ≈ 2 s.
    /// </summary>
    private static readonly ParallelOptions Bounded = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public static TResult[] Map<TSource, TResult>(IReadOnlyList<TSource> sources, Func<TSource, TResult> work) =>
        Map(sources, (source, _) => work(source));

    /// <summary>Runs the work on every element in parallel; an unexpected exception surfaces as itself, not wrapped.</summary>
    public static TResult[] Map<TSource, TResult>(IReadOnlyList<TSource> sources, Func<TSource, int, TResult> work)
    {
        var results = new TResult[sources.Count];
        try
        {
            Parallel.For(0, sources.Count, Bounded, i => results[i] = work(sources[i], i));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return results;
    }
}
