using AwarenessBot.Cli;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Cli;

/// <summary>
/// The blind personas of seeds/corpus/conversations/dev.jsonl played against the real bot (eval-conversations): a
/// floor just under the measured figures, so that a change that loses conversations fails here. The dev split was
/// read while improving the engine, so these figures are tuned; the frozen test split is measured by the command
/// only, figures only.
/// </summary>
public sealed class ConversationEvaluationTests(ITestOutputHelper output)
{
    // Measured 2026-12-06 (stop 24) on 217 dev personas (tuned): goal reached 88.0 %, follow-ups right 74.7 %, at most
    // one re-prompt 97.7 % (crisis answers in the worried person's words, topic words after a crisis answer, the
    // labour answer opening only worker topics). Stop 23: goal reached 85.7 %, follow-ups right 74.2 %, at most
    // one re-prompt 97.7 % (82.9 %, 71.9 %, 98.2 % before a weak signal beside a follow-up was answered, the labour
    // answer opened the topic asked for and the model was retrained; 82.5 %, 66.0 %, 97.2 % before questions about the
    // services shown were answered).
    private const double ReachedFloor = 0.86;
    private const double FollowUpFloor = 0.72;
    private const double AtMostOneRepromptFloor = 0.95;

    [Fact]
    public async Task Dev_personas_reach_their_goal_at_least_as_often_as_measured()
    {
        var file = Path.Combine(CliPaths.Resolve().Seeds, "corpus", "conversations", "dev.jsonl");
        var report = await ConversationCommands.RunAsync(file, CancellationToken.None);
        output.WriteLine(report.Table());
        Assert.Equal(4, report.Languages.Count);
        Assert.True(report.All.ReachedRate >= ReachedFloor, $"goal reached {report.All.ReachedRate:P1} < {ReachedFloor:P1}");
        Assert.True(report.All.FollowUpRate >= FollowUpFloor, $"follow-ups right {report.All.FollowUpRate:P1} < {FollowUpFloor:P1}");
        Assert.True(report.All.AtMostOneRepromptRate >= AtMostOneRepromptFloor,
            $"conversations with at most one re-prompt {report.All.AtMostOneRepromptRate:P1} < {AtMostOneRepromptFloor:P1}");
    }

    [Theory]
    [InlineData("test.jsonl")]
    [InlineData("test_2027.jsonl")]
    [InlineData("TEST.jsonl")]
    public async Task Misses_are_refused_on_a_frozen_test_split(string name)
    {
        var folder = Directory.CreateTempSubdirectory("conv-eval-");
        try
        {
            var file = Path.Combine(folder.FullName, name);
            await File.WriteAllTextAsync(file, "{\"lang\":\"en\",\"channel\":\"web\",\"opening\":\"hi\",\"answers\":{},\"goal\":\"find_help\",\"region\":null,\"follow_ups\":[]}\n");
            using var writer = new StringWriter();
            var exit = await CommandLine.RunAsync(["eval-conversations", file, "--misses"], writer);
            Assert.Equal(2, exit);
            Assert.StartsWith("refused:", writer.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("[en/web]", writer.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
