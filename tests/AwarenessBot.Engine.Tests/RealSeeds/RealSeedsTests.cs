using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Engine.Loading;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Validation;
using AwarenessBot.Testing.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AwarenessBot.Engine.Tests.RealSeeds;

/// <summary>
/// The real dialogs/ against the real content repository and service directory over seeds/ (src/AwarenessBot.Content):
/// every content id, locale, need and service id the flows use must exist, and the conversations still play.
/// Every transcript runs, relaxed for real data (which services and which quiz answer are the data's business).
/// </summary>
public sealed class RealSeedsTests(ITestOutputHelper output)
{
    private static readonly Lazy<(IContentRepository Content, IServiceDirectory Services)> Real = new(() =>
    {
        var provider = new ServiceCollection().AddContentRepository(Paths.Seeds).BuildServiceProvider();
        return (provider.GetRequiredService<IContentRepository>(), provider.GetRequiredService<IServiceDirectory>());
    });

    public static TheoryData<string> Transcripts() => Runtime.TranscriptTests.Files();

    [Fact]
    public void Real_dialogs_validate_against_the_real_content_and_services()
    {
        var report = FlowValidator.Validate(Paths.Dialogs, Real.Value.Content, Real.Value.Services, Paths.Intents);
        output.WriteLine(report.ToString());
        Assert.True(report.IsValid, report.ToString());
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Transcript_plays_with_real_seeds(string name)
    {
        var engine = EngineFactory.Create(Paths.Dialogs, Paths.Seeds, Real.Value.Content, Real.Value.Services);
        var transcript = TranscriptRelaxation.ForRealData(TranscriptParser.Load(Paths.TestData(Path.Combine("Transcripts", name + ".yaml"))));
        await TranscriptRunner.RunAsync(transcript, new EngineTranscriptDriver(engine, TestEngine.Now));
    }
}
