using System.Runtime.ExceptionServices;

namespace AwarenessBot.Content.Loading;

/// <summary>Parallel loops for loading whose results keep the input order and whose failures look sequential.</summary>
internal static class ParallelWork
{
    public static TResult[] Map<TSource, TResult>(IReadOnlyList<TSource> sources, Func<TSource, TResult> work) =>
        Map(sources, (source, _) => work(source));

    /// <summary>Runs the work on every element in parallel; an unexpected exception surfaces as itself, not wrapped.</summary>
    public static TResult[] Map<TSource, TResult>(IReadOnlyList<TSource> sources, Func<TSource, int, TResult> work)
    {
        var results = new TResult[sources.Count];
        try
        {
            Parallel.For(0, sources.Count, i => results[i] = work(sources[i], i));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return results;
    }
}
