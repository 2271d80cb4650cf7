using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AwarenessBot.Tests.Scale;

/// <summary>The real host on real storage: a SQLite file in a given folder, or a schema on the PostgreSQL test server.</summary>
internal static class TestHosts
{
    public static BotHostFactory Sqlite(string dataDirectory, bool analytics = false) => new BotHostFactory()
        .WithSetting("Storage:Provider", "Sqlite")
        .WithSetting("Storage:DataDirectory", dataDirectory)
        .WithSetting("Analytics:Enabled", analytics ? "true" : "false");

    public static BotHostFactory Postgres(string schema) => new BotHostFactory()
        .WithSetting("Storage:Provider", "Postgres")
        .WithSetting("Storage:ConnectionString", TestPostgres.RequireConnectionString())
        .WithSetting("Storage:PostgresSchema", schema);

    /// <summary>
    /// The same host with every log entry of every category kept at Trace level. The provider-specific filter wins
    /// over the category levels in appsettings.json, so nothing is filtered before the capture sees it.
    /// </summary>
    public static WebApplicationFactory<Program> WithLogCapture(this BotHostFactory factory, FakeLogCollector capture) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter<FakeLoggerProvider>(category: null, LogLevel.Trace);
            logging.Services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(capture));
        }));
}
