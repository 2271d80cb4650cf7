using AwarenessBot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Cli;

/// <summary>
/// <c>chat</c>: the real bot (middleware, engine, content, services) in the terminal, through the SDK's TestAdapter,
/// with in-memory state. <c>--channel sms</c> shows what a text-only channel receives.
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

        var reference = new ConversationReference
        {
            ChannelId = channel,
            ServiceUrl = "https://test.local",
            User = new ChannelAccount("terminal-user", "you", RoleTypes.User),
            Bot = new ChannelAccount("awarenessbot", "AwarenessBot", RoleTypes.Bot),
            Conversation = new ConversationAccount(id: "terminal-" + Guid.NewGuid().ToString("N")),
            Locale = Option(args, "--locale"),
        };
        var adapter = new TestAdapter(reference);
        foreach (var middleware in app.Services.GetServices<Microsoft.Bot.Builder.IMiddleware>())
        {
            adapter.Use(middleware);
        }

        output.WriteLine($"Chatting on channel '{channel}'. Type a message, or /quit.");
        var start = (Activity)Activity.CreateConversationUpdateActivity();
        start.MembersAdded = [reference.User];
        await TurnAsync(app, adapter, start, output).ConfigureAwait(false);
        while (Console.In.ReadLine() is { } line && line.Trim() != "/quit")
        {
            await TurnAsync(app, adapter, adapter.MakeActivity(line), output).ConfigureAwait(false);
        }

        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task TurnAsync(WebApplication app, TestAdapter adapter, Activity activity, TextWriter output)
    {
        var bot = app.Services.GetRequiredService<IBot>();
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        while (adapter.GetNextReply() is Activity reply)
        {
            if (reply.Type == ActivityTypes.EndOfConversation)
            {
                output.WriteLine("(the bot ended the conversation)");
                continue;
            }

            output.WriteLine("bot> " + reply.Text?.Replace("\n", "\n     ", StringComparison.Ordinal));
            var actions = reply.SuggestedActions?.Actions ?? [];
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
