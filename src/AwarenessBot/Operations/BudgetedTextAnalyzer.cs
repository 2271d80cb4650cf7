using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.DependencyInjection;
using AwarenessBot.Analysis.Local;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Operations;

/// <summary>
/// Holds the Azure time budget from the very first turn, whatever happens below (handler creation, DNS, connect):
/// when the cloud analysis has not finished within <c>BudgetMilliseconds</c>, the turn goes on with the local
/// analysis (risk signals always come from it anyway) and the cloud call is cancelled. Every outcome is recorded
/// for <see cref="CloudAnalysisReadinessCheck"/>.
/// </summary>
internal sealed class BudgetedTextAnalyzer(
    ITextAnalyzer cloud,
    LocalTextAnalyzer local,
    CloudAnalysisOutcomes outcomes,
    IOptions<TextAnalysisOptions> options,
    TimeProvider time) : ITextAnalyzer
{
    public const string FallbackProvider = "azure+local-fallback";

    private readonly TimeSpan _budget = TimeSpan.FromMilliseconds(options.Value.Azure.BudgetMilliseconds);

    public async ValueTask<TextAnalysis> AnalyzeAsync(string text, string? localeHint, CancellationToken cancellationToken)
    {
        // The clock starts before the call, and the call runs on the pool: whatever it does synchronously before its
        // first await (building clients, the local pass) counts against the budget instead of delaying the timer.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(_budget, time, deadline.Token);
        var analysis = Task.Run(() => cloud.AnalyzeAsync(text, localeHint, deadline.Token).AsTask(), deadline.Token);
        if (await Task.WhenAny(analysis, timer).ConfigureAwait(false) == analysis)
        {
            await deadline.CancelAsync().ConfigureAwait(false);
            var result = await analysis.ConfigureAwait(false);
            outcomes.Record(cloudAnswered: !string.Equals(result.Provider, FallbackProvider, StringComparison.Ordinal));
            return result;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await deadline.CancelAsync().ConfigureAwait(false);
        _ = analysis.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        outcomes.Record(cloudAnswered: false);
        return local.Analyze(text) with { Provider = FallbackProvider };
    }
}

/// <summary>The last cloud analyses: answered by Azure, or fell back to local (breaker open, timeout, error).</summary>
internal sealed class CloudAnalysisOutcomes
{
    public const int Window = 10;

    private readonly Lock _gate = new();
    private readonly Queue<bool> _recent = new();

    public void Record(bool cloudAnswered)
    {
        lock (_gate)
        {
            _recent.Enqueue(cloudAnswered);
            while (_recent.Count > Window)
            {
                _recent.Dequeue();
            }
        }
    }

    /// <summary>(how many of the recent analyses fell back, how many there were).</summary>
    public (int FellBack, int Total) Recent()
    {
        lock (_gate)
        {
            return (_recent.Count(answered => !answered), _recent.Count);
        }
    }
}
