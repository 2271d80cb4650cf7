using AwarenessBot.Tests.Privacy;
using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AwarenessBot.Tests.Channels;

/// <summary>The real host (memory storage) with both provider channels configured, a turn counter and every log kept.</summary>
internal sealed class ChannelTestHost : IAsyncDisposable
{
    public const string TwilioAuthToken = "twilio-test-auth-token-0123456789";
    public const string TwilioAccountSid = "AC00000000000000000000000000000001";
    public const string VerifyToken = "verify-me-please";
    public const string AppSecret = "whatsapp-test-app-secret";
    public const string AccessToken = "EAAG-test-access-token";
    public const string PhoneNumberId = "106540352242922";

    private readonly BotHostFactory _factory;

    private ChannelTestHost(BotHostFactory factory, WebApplicationFactory<Program> host)
    {
        _factory = factory;
        Host = host;
    }

    public WebApplicationFactory<Program> Host { get; }

    public TurnCounter Counter { get; } = new();

    public FakeLogCollector Logs { get; } = new();

    public static ChannelTestHost Start(Uri? graphBaseUrl = null, Action<BotHostFactory>? configure = null)
    {
        var factory = new BotHostFactory()
            .WithSetting("Twilio:AuthToken", TwilioAuthToken)
            .WithSetting("Twilio:AccountSid", TwilioAccountSid)
            .WithSetting("WhatsApp:VerifyToken", VerifyToken)
            .WithSetting("WhatsApp:AppSecret", AppSecret)
            .WithSetting("WhatsApp:AccessToken", AccessToken)
            .WithSetting("WhatsApp:PhoneNumberId", PhoneNumberId)
            .WithSetting("WhatsApp:GraphBaseUrl", (graphBaseUrl ?? new Uri("http://127.0.0.1:1/v23.0/")).ToString());
        configure?.Invoke(factory);
        ChannelTestHost? self = null;
        var host = factory.WithWebHostBuilder(builder =>
        {
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                logging.AddFilter<FakeLoggerProvider>(category: null, LogLevel.Trace);
                logging.Services.AddSingleton<ILoggerProvider>(_ => new FakeLoggerProvider(self!.Logs));
            });
            builder.ConfigureTestServices(services => services.AddSingleton<AwarenessBot.Turns.ITurnRunner>(sp => self!.Counter.Wrap(ActivatorUtilities.CreateInstance<AwarenessBot.Turns.TurnRunner>(sp))));
        });
        self = new ChannelTestHost(factory, host);
        return self;
    }

    /// <summary>Everything logged so far, as one text per entry.</summary>
    public IReadOnlyList<string> LogTexts => [.. Logs.GetSnapshot().Select(e => e.AllText())];

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
