using System.Diagnostics;
using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static AwarenessBot.Analysis.Tests.Azure.FakeLanguageService;

namespace AwarenessBot.Analysis.Tests.Azure;

/// <summary>
/// Every failure mode of the cloud still returns a full result with the local risk signals; the added latency is
/// printed, not asserted.
/// </summary>
public sealed class AzureTextAnalyzerTests(ITestOutputHelper output, AzureWarmUp warmUp) : IDisposable, IClassFixture<AzureWarmUp>
{
    private const string Message = "il m'a enfermée chez Bob Tremblay, appelez le 514-555-0199";
    private readonly FakeLanguageService _fake = new();

    [Fact]
    public async Task Success_merges_cloud_language_and_pii_with_local_signals()
    {
        _fake.Answer(LanguageKind, Respond(LanguageResult("fr", 0.99)));
        _fake.Answer(PiiKind, Respond(PiiResult("Person", Message.IndexOf("Bob", StringComparison.Ordinal), "Bob Tremblay".Length)));
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(_fake.Url));

        var result = await MeasureAsync(host, "success");

        Assert.Equal("azure", result.Provider);
        Assert.Equal(("fr", 0.99), (result.Language, result.LanguageConfidence));
        Assert.Contains(result.PersonalData, m => m.Kind == PersonalDataKind.PersonName);
        Assert.Contains(result.PersonalData, m => m.Kind == PersonalDataKind.Phone);
        Assert.Equal("il m'a enfermée chez [name], appelez le [phone]", result.RedactedText);
        Assert.Contains(result.Signals, s => s.Category == RiskCategory.ImmediateDanger);
    }

    [Fact]
    public async Task Too_many_requests_with_short_retry_after_is_retried()
    {
        _fake.Server.Given(Request(LanguageKind)).InScenario("throttled").WillSetStateTo("open")
            .RespondWith(Respond("""{"error":{"code":"429","message":"Too many requests"}}""", 429).WithHeader("Retry-After", "0"));
        _fake.Server.Given(Request(LanguageKind)).InScenario("throttled").WhenStateIs("open").RespondWith(Respond(LanguageResult("fr", 0.9)));
        _fake.Answer(PiiKind, Respond(PiiResult("Person", 0, 2)));
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(_fake.Url));

        var result = await MeasureAsync(host, "429 then 200");

        Assert.Equal("azure", result.Provider);
        Assert.Equal(2, _fake.Calls(LanguageKind));
    }

    [Fact]
    public async Task Retry_after_longer_than_the_budget_falls_back_without_waiting()
    {
        _fake.Answer(LanguageKind, Respond("""{"error":{"code":"429","message":"Too many requests"}}""", 429).WithHeader("Retry-After", "30"));
        _fake.Answer(PiiKind, Respond(PiiResult("Person", 0, 2)));
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(_fake.Url));

        var result = await MeasureAsync(host, "429 Retry-After 30 s");

        AssertFallback(result);
        Assert.Equal(1, _fake.Calls(LanguageKind));
    }

    [Fact]
    public async Task Server_errors_are_retried_then_fall_back()
    {
        _fake.Answer(LanguageKind, Respond("""{"error":{"code":"InternalServerError","message":"boom"}}""", 500));
        _fake.Answer(PiiKind, Respond("""{"error":{"code":"ServiceUnavailable","message":"down"}}""", 503));
        // The budget is wide here: this test is about retries, and on a loaded machine the default 3 s budget cut the
        // third attempt (one call seen, 2.97 s spent); the budget has its own test below.
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(_fake.Url, maxRetries: 2, budgetMs: 10000));

        var result = await MeasureAsync(host, "500/503 always");

        AssertFallback(result);
        Assert.Equal(3, _fake.Calls(LanguageKind));
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        _fake.Answer(LanguageKind, Respond("""{"error":{"code":"401","message":"Access denied"}}""", 401));
        _fake.Answer(PiiKind, Respond("""{"error":{"code":"401","message":"Access denied"}}""", 401));
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(_fake.Url));

        var result = await MeasureAsync(host, "401");

        AssertFallback(result);
        Assert.Equal(1, _fake.Calls(LanguageKind));
    }

    [Fact]
    public async Task Slow_service_is_cut_off_at_the_budget()
    {
        _fake.Answer(LanguageKind, Respond(LanguageResult("fr", 0.9)).WithDelay(TimeSpan.FromSeconds(3)));
        _fake.Answer(PiiKind, Respond(PiiResult("Person", 0, 2)).WithDelay(TimeSpan.FromSeconds(3)));
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(_fake.Url, budgetMs: 800));

        var result = await MeasureAsync(host, "3 s delay, 800 ms budget");

        AssertFallback(result);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"kind":"LanguageDetectionResults","results":{"documents":[],"errors":[{"id":"1","error":{"code":"InvalidArgument","message":"Invalid document"}}]}}""")]
    [InlineData("""{"unexpected":true}""")]
    public async Task Unusable_responses_fall_back_without_retrying(string body)
    {
        _fake.Answer(LanguageKind, Respond(body));
        _fake.Answer(PiiKind, Respond(body));
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(_fake.Url));

        var result = await MeasureAsync(host, "unusable 200");

        AssertFallback(result);
        Assert.Equal(1, _fake.Calls(LanguageKind));
    }

    [Fact]
    public async Task Open_circuit_skips_the_cloud_until_the_break_is_over()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        _fake.Answer(LanguageKind, Respond("{}", 500));
        _fake.Answer(PiiKind, Respond("{}", 500));
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(_fake.Url, maxRetries: 0, circuitMinimumThroughput: 2), time);

        AssertFallback(await MeasureAsync(host, "circuit closing → open"));
        var callsWhenOpened = _fake.Server.LogEntries.Count;
        AssertFallback(await MeasureAsync(host, "circuit open"));
        Assert.Equal(callsWhenOpened, _fake.Server.LogEntries.Count);

        _fake.Server.Reset();
        _fake.Answer(LanguageKind, Respond(LanguageResult("fr", 0.9)));
        _fake.Answer(PiiKind, Respond(PiiResult("Person", 0, 2)));
        time.Advance(TimeSpan.FromSeconds(31));
        await MeasureAsync(host, "circuit half-open");
        var recovered = await MeasureAsync(host, "circuit closed again");

        Assert.Equal("azure", recovered.Provider);
    }

    public void Dispose()
    {
        GC.KeepAlive(warmUp);
        _fake.Dispose();
    }

    private static void AssertFallback(TextAnalysis result)
    {
        Assert.Equal("azure+local-fallback", result.Provider);
        Assert.Contains(result.Signals, s => s.Category == RiskCategory.ImmediateDanger);
        Assert.Contains(result.PersonalData, m => m.Kind == PersonalDataKind.Phone);
        Assert.Equal("fr", result.Language);
    }

    private async Task<TextAnalysis> MeasureAsync(AnalysisHost host, string scenario)
    {
        var analyzer = host.Analyzer; // resolved first: building the local analyzer is start-up cost, not per-turn latency
        var localWatch = Stopwatch.StartNew();
        Seeds.Analyzer.Analyze(Message);
        localWatch.Stop();
        var watch = Stopwatch.StartNew();
        var result = await analyzer.AnalyzeAsync(Message, "fr", CancellationToken.None);
        watch.Stop();
        output.WriteLine($"{scenario,-28} provider {result.Provider,-22} added latency {(watch.Elapsed - localWatch.Elapsed).TotalMilliseconds,7:F1} ms");
        return result;
    }
}
