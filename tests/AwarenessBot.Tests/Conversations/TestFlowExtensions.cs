using AwarenessBot.Testing.Transcripts;
using Microsoft.Bot.Builder.Adapters;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// TestFlow asserts one activity at a time, but one content item may be several messages with the same key.
/// This step reads every reply the last turn queued and matches the keys as transcripts do (repeats count once).
/// TestAdapter runs a turn to completion inside Send, so all of its replies are queued when this step runs.
/// </summary>
internal static class TestFlowExtensions
{
    public static TestFlow AssertKeys(this TestFlow flow, TestAdapter adapter, params string[] expected)
    {
        var step = flow.StartTestAsync().ContinueWith(
            previous =>
            {
                previous.GetAwaiter().GetResult();
                var actual = BotTestBed.Keys(BotTranscriptDriver.Drain(adapter));
                Assert.True(
                    ResponseKeyPattern.Matches(expected, actual),
                    $"expected [{string.Join(", ", expected)}] but was [{string.Join(", ", actual)}]");
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return new TestFlow(step, flow);
    }
}
