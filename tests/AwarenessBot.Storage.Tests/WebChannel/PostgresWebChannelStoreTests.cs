using AwarenessBot.Storage.Postgres;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AwarenessBot.Storage.Tests.WebChannel;

/// <summary>The contract on PostgreSQL, plus what only a shared store does: two instances see each other's changes.</summary>
[RequiresPostgres]
public sealed class PostgresWebChannelStoreTests : WebChannelStoreContractTests
{
    private readonly string _schema = PostgresTestServer.ConnectionString is null ? "unused" : PostgresTestServer.NewSchemaName();
    private readonly List<IAsyncDisposable> _owned = [];

    protected override IWebChannelStore CreateStore() => Instance(Subscribers).Store;

    [DbFact]
    public async Task An_append_on_one_instance_wakes_a_subscriber_on_the_other()
    {
        var a = Instance(new WebChannelSubscribers());
        var b = Instance(new WebChannelSubscribers());
        await b.StartListeningAsync();
        await a.Store.TryCreateAsync("c1", "u", default);
        using var onB = b.Store.Subscribe("c1");

        await a.Store.AppendAsync("c1", (_, _) => "{\"from\":\"a\"}", default);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await onB.WaitAsync(timeout.Token));
        Assert.Equal("{\"from\":\"a\"}", Assert.Single(await b.Store.ReadAfterAsync("c1", 0, default)).Json);
    }

    [DbFact]
    public async Task Forgetting_on_one_instance_ends_the_streams_on_the_other()
    {
        var a = Instance(new WebChannelSubscribers());
        var b = Instance(new WebChannelSubscribers());
        await b.StartListeningAsync();
        await a.Store.TryCreateAsync("c1", "u", default);
        using var onB = b.Store.Subscribe("c1");
        Time.Advance(Idle);

        Assert.Equal(1, await a.Store.EvictIdleAsync(default));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.False(await onB.WaitAsync(timeout.Token));
    }

    [DbFact]
    public async Task Instances_on_another_schema_are_not_woken()
    {
        var a = Instance(new WebChannelSubscribers());
        var elsewhere = Instance(new WebChannelSubscribers(), PostgresTestServer.NewSchemaName());
        await elsewhere.StartListeningAsync();
        await a.Store.TryCreateAsync("c1", "u", default);
        await elsewhere.Store.TryCreateAsync("c1", "u", default);
        using var onOther = elsewhere.Store.Subscribe("c1");
        var wait = onOther.WaitAsync(CancellationToken.None);

        await a.Store.AppendAsync("c1", (_, _) => "{}", default);
        await Task.Delay(500);

        Assert.False(wait.IsCompleted);
    }

    [DbFact]
    public async Task The_listener_reconnects_after_losing_its_connection_and_wakes_every_stream()
    {
        var application = "dl-listener-" + Guid.NewGuid().ToString("N")[..8];
        var a = Instance(new WebChannelSubscribers());
        var b = Instance(new WebChannelSubscribers(), applicationName: application);
        await b.StartListeningAsync();
        await a.Store.TryCreateAsync("c1", "u", default);
        using var onB = b.Store.Subscribe("c1");

        // Kill the listener's connection (as a server restart or a network cut would), then append while it is away.
        Assert.Equal(1L, await ScalarAsync($"SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{application}'"));
        await a.Store.AppendAsync("c1", (_, _) => "{}", default);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await onB.WaitAsync(timeout.Token));

        // And it listens again: a later append wakes the stream too.
        await Task.Delay(200);
        await a.Store.AppendAsync("c1", (_, _) => "{}", default);
        Assert.True(await onB.WaitAsync(timeout.Token));
        Assert.Equal(2, (await b.Store.ReadAfterAsync("c1", 0, default)).Count);
    }

    [DbFact]
    public async Task Two_instances_admit_newcomers_within_one_shared_limit()
    {
        var a = Instance(new WebChannelSubscribers());
        var b = Instance(new WebChannelSubscribers());

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).Store.TryCreateAsync("c" + i, "u", default)));

        Assert.Equal(Limits.MaxConversations, created.Count(c => c is not null));
        Assert.Equal(Limits.MaxConversations, await b.Store.CountAsync(default));
    }

    [DbFact]
    public async Task Tables_are_created_idempotently_and_hold_no_row_after_the_timeout()
    {
        var a = Instance(new WebChannelSubscribers());
        var b = Instance(new WebChannelSubscribers());
        await a.Store.TryCreateAsync("c1", "u", default);
        await b.Store.AppendAsync("c1", (_, _) => "{\"text\":\"private\"}", default);
        Time.Advance(Idle);

        await b.Store.EvictIdleAsync(default);

        Assert.Equal(0L, await ScalarAsync($"SELECT (SELECT COUNT(*) FROM \"{_schema}\".directline_conversations) + (SELECT COUNT(*) FROM \"{_schema}\".directline_activities)"));
    }

    [DbFact]
    public async Task What_people_wrote_is_sealed_in_the_table_and_opens_only_with_the_shared_secret()
    {
        var a = Instance(new WebChannelSubscribers(), secret: "the-shared-secret-of-this-deployment-0123");
        var b = Instance(new WebChannelSubscribers(), secret: "the-shared-secret-of-this-deployment-0123");
        var stranger = Instance(new WebChannelSubscribers(), secret: "another-deployment-secret-0123456789abcd");
        await a.Store.TryCreateAsync("c1", "u", default);
        await a.Store.AppendAsync("c1", (_, _) => "{\"text\":\"my name is Alice Tremblay\"}", default);

        Assert.Equal(0L, await ScalarAsync($"SELECT COUNT(*) FROM \"{_schema}\".directline_activities WHERE position(convert_to('Alice', 'UTF8') in sealed) > 0"));
        Assert.Equal(1L, await ScalarAsync($"SELECT COUNT(*) FROM \"{_schema}\".directline_activities"));
        Assert.Equal("{\"text\":\"my name is Alice Tremblay\"}", Assert.Single(await b.Store.ReadAfterAsync("c1", 0, default)).Json);
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => stranger.Store.ReadAfterAsync("c1", 0, default));
    }

    public override async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        await PostgresTestServer.DropSchemaAsync(_schema);
        foreach (var schema in _extraSchemas)
        {
            await PostgresTestServer.DropSchemaAsync(schema);
        }
    }

    private readonly List<string> _extraSchemas = [];

    /// <summary>One bot instance's view: its own pool, store and (when started) LISTEN connection, on the shared schema.</summary>
    private Instance Instance(WebChannelSubscribers subscribers, string? schema = null, string? applicationName = null, string? secret = null)
    {
        if (schema is not null)
        {
            _extraSchemas.Add(schema);
        }

        var options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresTestServer.RequireConnectionString()) { ApplicationName = applicationName }.ConnectionString,
            PostgresSchema = schema ?? _schema,
        };
        var dialect = new PostgresDialect(options);
        var storeOptions = secret is null ? Limits : new WebChannelOptions { MaxConversations = Limits.MaxConversations, MaxActivitiesPerConversation = Limits.MaxActivitiesPerConversation, ConversationIdleTimeout = Limits.ConversationIdleTimeout, Secret = secret };
        var store = new PostgresWebChannelStore(new SchemaGate(dialect), dialect, subscribers, Options.Create(storeOptions), Time, NullLogger<PostgresWebChannelStore>.Instance);

        // Real time for the listener: its reconnect pause must pass without the test moving the clock.
        var listener = new PostgresWebChannelListener(dialect, subscribers, Options.Create(Limits), TimeProvider.System, NullLogger<PostgresWebChannelListener>.Instance);
        var instance = new Instance(store, listener, dialect);
        _owned.Add(instance);
        return instance;
    }

    private static async Task<object?> ScalarAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresTestServer.RequireConnectionString());
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}

internal sealed class Instance(PostgresWebChannelStore store, PostgresWebChannelListener listener, PostgresDialect dialect) : IAsyncDisposable
{
    private bool _started;

    public IWebChannelStore Store => store;

    public async Task StartListeningAsync()
    {
        _started = true;
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await listener.StopAsync(CancellationToken.None);
        }

        listener.Dispose();
        await dialect.DisposeAsync();
    }
}
