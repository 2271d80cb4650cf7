using AwarenessBot.Engine.Abstractions;

namespace Micro.Engine;

/// <summary><c>--trace-engine</c>: prints what the engine answers at each step of the benchmark script (response keys and choices), to check the script still walks the intended path.</summary>
internal static class EngineTrace
{
    public static void Print()
    {
        var (provider, engine) = EngineHost.Build();
        using (provider)
        {
            var session = new DialogSessionState();
            var profile = new UserProfileState();
            IReadOnlyList<ReplyChoice> offered = [];
            for (var i = 0; i < EngineScript.Steps.Length; i++)
            {
                var input = EngineScript.Input(i, offered);
                var result = engine.RunTurn(input, session, profile);
                offered = result.Replies.Count == 0 ? [] : result.Replies[^1].Choices;
                var keys = string.Join(", ", result.Replies.Select(r => r.ResponseKey));
                var choices = string.Join(" | ", offered.Select(c => c.Id));
                var frame = session.Stack.Count == 0 ? "-" : $"{session.Stack[^1].Flow}/{session.Stack[^1].Step}";
                Console.WriteLine($"{i,2} sent '{input.Text}' -> [{keys}] effects {result.Effects}; now {frame}; offers: {choices}");
            }
        }
    }
}
