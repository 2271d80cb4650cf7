using AwarenessBot.Cli;
using AwarenessBot.Hosting;

// Author tools (validate, graph, chat, translations) run without starting the web server.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args).ConfigureAwait(false);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAwarenessBot();

var app = builder.Build();
app.UseAwarenessBot();
await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>Public so that WebApplicationFactory&lt;Program&gt; can host the bot in tests.</summary>
public partial class Program;
