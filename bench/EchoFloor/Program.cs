using EchoFloor;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

// Same host settings as src/AwarenessBot: Kestrel body limit, anonymous Bot Connector auth when MicrosoftAppId is
// empty, the product's storage (AddBotStorage: SQLite by default), ConversationState + UserState, transient bot.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
builder.Services.AddBotStorage(builder.Configuration);
builder.Services.AddBotStateStorage();
builder.Services.AddSingleton<ConversationState>();
builder.Services.AddSingleton<UserState>();
builder.Services.AddSingleton<FloorAdapter>();
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<FloorAdapter>());
builder.Services.AddTransient<IBot, EchoBot>();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.UseWebSockets();
app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot)
    => adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
app.MapHealthChecks("/healthz");
await app.RunAsync();
