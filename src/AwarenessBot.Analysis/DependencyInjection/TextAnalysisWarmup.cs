using AwarenessBot.Analysis.Local;
using Microsoft.Extensions.Hosting;

namespace AwarenessBot.Analysis.DependencyInjection;

/// <summary>Builds the analyzer while the host starts, so invalid lexicons stop start-up instead of the first turn.</summary>
internal sealed class TextAnalysisWarmup(IServiceProvider services, TextAnalysisReadiness readiness) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var analyzer = (LocalTextAnalyzer)services.GetService(typeof(LocalTextAnalyzer))!;
        readiness.MarkReady(analyzer.RuleCount, analyzer.Locales);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
