using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Testing.Transcripts;

namespace AwarenessBot.Engine.Tests.Runtime;

/// <summary>Every file in Transcripts/ is one test, named after the file; a failure names the file, line and turn.</summary>
public sealed class TranscriptTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Paths.TestData("Transcripts"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Transcript_plays_as_written(string name)
    {
        var transcript = TranscriptParser.Load(Paths.TestData(Path.Combine("Transcripts", name + ".yaml")));
        var driver = new EngineTranscriptDriver(TestEngine.Engine, TestEngine.Now);
        await TranscriptRunner.RunAsync(transcript, driver);
    }

    [Fact]
    public void There_are_transcripts_for_every_flow()
    {
        var text = string.Join("\n", Directory.EnumerateFiles(Paths.TestData("Transcripts"), "*.yaml").Select(File.ReadAllText));
        // Each flow shows at least one item only it shows; a transcript that expects it exercises the flow.
        string[] markers =
        [
            "system_welcome_intro", "system_main_menu", "system_online_safety_menu", "system_worker_menu", "system_find_help_need",
            "system_learn_menu", "system_educator_band", "system_help", "system_language_prompt", "system_emergency",
            "system_delete_confirm", "system_stop", "system_human", "system_identity_ack", "system_crisis_immediate_danger",
            "system_crisis_self_harm", "system_crisis_child_sexual_exploitation", "system_crisis_labour_exploitation",
            "system_continue_or_menu", "system_reprompt_menu",
        ];
        var missing = markers.Where(m => !text.Contains(m, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "No transcript covers: " + string.Join(", ", missing));
    }
}
