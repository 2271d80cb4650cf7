using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Hosting;
using AwarenessBot.Turns;

namespace AwarenessBot.Cli;

/// <summary>
/// <c>chat</c>: the real turn runner (text analysis, engine, content, services, the channel's renderer) in the
/// terminal, with in-memory state. <c>--channel sms</c> shows what a text-only channel receives.
/// </summary>
internal static class ChatCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var channel = Option(args, "--channel") ?? "emulator";
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--Storage:Provider", "Memory", "--Logging:LogLevel:Default", "Warning", "--Analytics:Enabled", "false"]);
        builder.AddAwarenessBot();
        await using var app = builder.Build();
        app.UseAwarenessBot();
        await app.StartAsync().ConfigureAwait(false);

        var runner = app.Services.GetRequiredService<ITurnRunner>();
        var conversationId = "terminal-" + Guid.NewGuid().ToString("N");
        var locale = Option(args, "--locale");
        var sent = 0;
        ChannelTurn Turn(TurnKind kind) =>
            new(kind, channel, conversationId, "terminal-user", "terminal-" + (++sent).ToString(System.Globalization.CultureInfo.InvariantCulture)) { Locale = locale };

        output.WriteLine($"Chatting on channel '{channel}'. Type a message, or /quit.");
        await TurnAsync(runner, Turn(TurnKind.ConversationStart), output).ConfigureAwait(false);
        while (Console.In.ReadLine() is { } line && line.Trim() != "/quit")
        {
            await TurnAsync(runner, Turn(TurnKind.Message) with { Text = line }, output).ConfigureAwait(false);
        }

        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task TurnAsync(ITurnRunner runner, ChannelTurn turn, TextWriter output)
    {
        foreach (var reply in await runner.RunAsync(turn, CancellationToken.None).ConfigureAwait(false))
        {
            if (reply.Kind == OutgoingKind.EndOfConversation)
            {
                output.WriteLine("(the bot ended the conversation)");
                continue;
            }

            output.WriteLine("bot> " + reply.Text?.Replace("\n", "\n     ", StringComparison.Ordinal));
            var actions = reply.SuggestedActions;
            for (var i = 0; i < actions.Count; i++)
            {
                output.WriteLine($"     [{i + 1}] {actions[i].Title}  ({actions[i].Text ?? actions[i].Value})");
            }
        }

        output.Write("you> ");
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
