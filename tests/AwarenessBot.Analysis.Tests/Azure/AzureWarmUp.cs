using AwarenessBot.Analysis.Tests.Support;
using static AwarenessBot.Analysis.Tests.Azure.FakeLanguageService;

namespace AwarenessBot.Analysis.Tests.Azure;

/// <summary>One throw-away analysis so the printed latencies measure the resilience behaviour, not JIT and first connection.</summary>
public sealed class AzureWarmUp
{
    public AzureWarmUp()
    {
        using var fake = new FakeLanguageService();
        fake.Answer(LanguageKind, Respond(LanguageResult("en", 0.9)));
        fake.Answer(PiiKind, Respond(PiiResult("Person", 0, 2)));
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(fake.Url));
        host.Analyzer.AnalyzeAsync("warm up", null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
