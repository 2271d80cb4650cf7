using AwarenessBot.Testing.Transcripts;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// Every engine transcript, played through the Bot Framework edge on the real seeds: thin bot, turn runner, state in
/// IStorage, renderer. Relaxed for real data as the engine's real-seed tests are (services and quiz feedback are the
/// data's business) and for what a channel cannot show (see <see cref="TranscriptFiles.ForEdge"/>).
/// </summary>
public sealed class EdgeTranscriptTests(ConversationHostFactory factory) : IClassFixture<ConversationHostFactory>
{
    public static TheoryData<string> Files() => new(TranscriptFiles.Names());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Transcript_plays_through_the_bot_framework_edge(string name)
    {
        var transcript = TranscriptFiles.ForEdge(TranscriptRelaxation.ForRealData(TranscriptFiles.Load(name)));
        var driver = new BotTranscriptDriver(factory.Services, "edge-" + name);

        await TranscriptRunner.RunAsync(transcript, driver);
    }

    [Fact]
    public async Task The_edge_driver_reports_a_wrong_key_choice_or_effect()
    {
        var welcome = TranscriptFiles.Load("welcome_youth_en");
        var first = welcome.Turns[0];
        TranscriptTurn[] wrong =
        [
            first with { Bot = ["system_main_menu"] },
            first with { Choices = ["en", "fr"] },
            first with { Effects = ["EndConversation"] },
            first with { Events = ["data_deleted"] },
        ];

        for (var i = 0; i < wrong.Length; i++)
        {
            var driver = new BotTranscriptDriver(factory.Services, $"edge-self-test-{i}");
            await Assert.ThrowsAsync<TranscriptFailedException>(() => TranscriptRunner.RunAsync(welcome with { Turns = [wrong[i]] }, driver));
        }
    }

    [Fact]
    public void Every_transcript_file_is_found()
    {
        Assert.True(TranscriptFiles.Names().Count() >= 20, "expected the engine's transcripts in " + TranscriptFiles.Directory);
    }
}
