using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Tests.Fakes;
using Xunit.Abstractions;

namespace AwarenessBot.Engine.Tests.Runtime;

public sealed class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Welcome_then_menu_prints_keys()
    {
        var engine = TestEngine.Engine;
        var session = new DialogSessionState();
        var profile = new UserProfileState();
        foreach (var text in new string?[] { null, "2", "worker", "skip", "my boss took my passport", "help", "français" })
        {
            var input = new TurnInput(text is null ? TurnKind.ConversationStart : TurnKind.Message, text, "webchat", null, null, null, TestEngine.Now);
            var result = engine.RunTurn(input, session, profile);
            output.WriteLine($"> {text}: {string.Join(", ", result.Replies.Select(r => r.ResponseKey))} | {string.Join(",", (result.Replies.Count > 0 ? result.Replies[^1].Choices : []).Select(c => c.Value) ?? [])} | {string.Join(",", result.Events.Select(e => e.Name))}");
        }
        Assert.NotEmpty(session.Stack);
    }
}
