using AwarenessBot.Analysis.Local;
using AwarenessBot.Analysis.Model;
using Microsoft.Extensions.Hosting;

namespace AwarenessBot.Analysis.DependencyInjection;

/// <summary>Builds the analyzer and loads the triage model while the host starts, so invalid seeds stop start-up instead of the first turn.</summary>
internal sealed class TextAnalysisWarmup(IServiceProvider services, TextAnalysisReadiness readiness) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var analyzer = (LocalTextAnalyzer)services.GetService(typeof(LocalTextAnalyzer))!;
        _ = services.GetService(typeof(TriageModel)); // loads the model file now (no network) rather than on the first turn
        readiness.MarkReady(analyzer.RuleCount, analyzer.Locales);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
