using AwarenessBot.Catalog;
using AwarenessBot.Analytics;
using AwarenessBot.Storage.Erasure;
using AwarenessBot.Storage.Health;
using AwarenessBot.Storage.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Storage.Tests.DependencyInjection;

public sealed class AddBotStorageTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "awarenessbot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Default_provider_is_sqlite_under_the_data_directory_and_everything_resolves()
    {
        await using var provider = Build(("Storage:DataDirectory", _dataDirectory));

        var storage = provider.GetRequiredService<IStateStore>();
        await storage.WriteAsync([StateWrite.Create("directline/users/u", """{"count":1}""")], CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(_dataDirectory, "awarenessbot.db")));
        Assert.True(await provider.GetRequiredService<IStorageHealth>().CheckAsync(CancellationToken.None));
        Assert.NotNull(provider.GetRequiredService<IUserDataEraser>());
        Assert.NotNull(provider.GetRequiredService<IAnalyticsSink>());
        Assert.NotNull(provider.GetRequiredService<IAnalyticsQuery>());
        Assert.Equal(2, provider.GetServices<IHostedService>().Count()); // sweeper + analytics writer
    }

    [Fact]
    public async Task Memory_provider_uses_the_in_process_store_without_sweeper()
    {
        await using var provider = Build(("Storage:Provider", "memory"));

        Assert.IsType<MemoryStateStore>(provider.GetRequiredService<IStateStore>());
        Assert.NotNull(provider.GetRequiredService<IUserDataEraser>());
        Assert.Single(provider.GetServices<IHostedService>());
    }

    [Fact]
    public async Task Analytics_can_be_switched_off_so_events_are_discarded_and_no_writer_runs()
    {
        await using var provider = Build(("Storage:Provider", "Memory"), ("Analytics:Enabled", "false"));

        var sink = provider.GetRequiredService<IAnalyticsSink>();
        sink.Record(new AnalyticsEvent(AnalyticsEventNames.SessionStarted, AnalyticsSessionKey.New(), DateTimeOffset.UnixEpoch, new Dictionary<string, string>()));

        // The discarding sink, and no writer that could drain a buffer into the store.
        Assert.IsType<DisabledAnalyticsSink>(sink);
        Assert.Empty(provider.GetServices<IHostedService>());
        var today = DateOnly.FromDayNumber(0);
        Assert.Empty((await provider.GetRequiredService<IAnalyticsQuery>().GetAggregatesAsync(today, today, CancellationToken.None)).SessionsByDay);
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_at_resolution_with_a_clear_message()
    {
        using var provider = Build(("Storage:Provider", "Postgres"));

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStateStore>());
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:Provider", "Mongo")]
    [InlineData("Storage:ConversationTtl", "three hours")]
    [InlineData("Storage:ConversationTtl", "-01:00:00")]
    [InlineData("Storage:SweepInterval", "00:00:00")]
    public void Invalid_configuration_fails_at_registration(string key, string value)
    {
        Assert.Throws<InvalidOperationException>(() => Build((key, value)));
    }

    [Fact]
    public async Task Durations_are_read_from_configuration()
    {
        await using var provider = Build(("Storage:Provider", "Memory"), ("Storage:ConversationTtl", "01:30:00"), ("Storage:UserTtl", "7.00:00:00"));

        var options = provider.GetRequiredService<StorageOptions>();
        Assert.Equal(TimeSpan.FromMinutes(90), options.ConversationTtl);
        Assert.Equal(TimeSpan.FromDays(7), options.UserTtl);
        Assert.Equal(TimeSpan.FromMinutes(10), options.SweepInterval);
    }

    [Fact]
    public async Task Health_is_false_when_the_database_cannot_be_reached()
    {
        await using var provider = Build(
            ("Storage:Provider", "Postgres"),
            ("Storage:ConnectionString", "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2"));

        Assert.False(await provider.GetRequiredService<IStorageHealth>().CheckAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotStorage(configuration);
        return services.BuildServiceProvider();
    }
}
