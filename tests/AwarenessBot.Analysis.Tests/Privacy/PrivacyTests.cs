using AwarenessBot.Analysis.Tests.Azure;
using AwarenessBot.Analysis.Tests.Support;
using Microsoft.Extensions.Logging.Testing;
using static AwarenessBot.Analysis.Tests.Azure.FakeLanguageService;

namespace AwarenessBot.Analysis.Tests.Privacy;

/// <summary>Whatever happens (local, cloud success, cloud failure), no part of the message reaches a log.</summary>
public sealed class PrivacyTests
{
    private const string Message =
        "My name is Jessica Moreau, SIN 046 454 286, jess.moreau@example.com, 416-555-0134, 22 Maple Street M5V 2T6, passport AB123456. he locked me in and says he'll hurt me";

    private static readonly string[] Planted =
        ["Jessica", "Moreau", "046 454 286", "jess.moreau", "416-555-0134", "Maple", "M5V", "AB123456", "locked me in", "hurt me", "he'll"];

    [Fact]
    public async Task Local_analysis_logs_no_message_text()
    {
        using var host = AnalysisHost.Create(new Dictionary<string, string?>());

        await host.Analyzer.AnalyzeAsync(Message, "en", CancellationToken.None);

        AssertNoPlantedText(host.Logs);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task Azure_analysis_logs_no_message_text_on_success_or_failure(int status)
    {
        using var fake = new FakeLanguageService();
        fake.Answer(LanguageKind, Respond(status == 200 ? LanguageResult("en", 0.9) : """{"error":{"code":"x","message":"Jessica Moreau"}}""", status));
        fake.Answer(PiiKind, Respond(status == 200 ? PiiResult("Person", 11, 14) : "{not json", status));
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings(fake.Url, maxRetries: 1, budgetMs: 2000));

        var result = await host.Analyzer.AnalyzeAsync(Message, "en", CancellationToken.None);

        Assert.NotEmpty(result.Signals);
        Assert.NotEmpty(host.Logs.GetSnapshot());
        AssertNoPlantedText(host.Logs);
    }

    private static void AssertNoPlantedText(FakeLogCollector logs)
    {
        foreach (var record in logs.GetSnapshot())
        {
            var everything = string.Join('\n',
                new[] { record.Message, record.Exception?.ToString() ?? string.Empty }
                    .Concat(record.StructuredState?.Select(p => $"{p.Key}={p.Value}") ?? [])
                    .Concat(record.Scopes.Select(s => s?.ToString() ?? string.Empty)));
            foreach (var planted in Planted)
            {
                Assert.False(everything.Contains(planted, StringComparison.OrdinalIgnoreCase), $"log {record.Id} ({record.Category}) contains planted text");
            }
        }
    }
}
