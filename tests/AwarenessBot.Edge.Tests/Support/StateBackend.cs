using AwarenessBot.Edge.State;
using AwarenessBot.Storage.State;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwarenessBot.Edge.Tests.Support;

/// <summary>
/// One database for one test, built the way the host builds it (AddBotStorage, then AddBotStateStorage). Every
/// storage object it creates shares the data, like two instances of the bot.
/// </summary>
public abstract class StateBackend : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The state store under the adapters, to see what was really stored.</summary>
    public IStateStore Store => First.GetRequiredService<IStateStore>();

    /// <summary>Memory lives in one process: a second "instance" is a second adapter over the same store.</summary>
    protected abstract bool InOneProcess { get; }

    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    private ServiceProvider First => _providers.Count > 0 ? _providers[0] : Build();

    /// <summary>A new IStorage on the same data: a new process's container, or a new adapter in this one.</summary>
    public IStorage CreateStorage() => InOneProcess && _providers.Count > 0
        ? new BotStateStorage(Store)
        : Build().GetRequiredService<IStorage>();

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Time)
            .AddBotStorage(configuration)
            .AddBotStateStorage()
            .BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}

public sealed class MemoryBackend : StateBackend
{
    protected override bool InOneProcess => true;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" };
}

/// <summary>A SQLite file in a fresh temporary folder, deleted afterwards.</summary>
public sealed class SqliteBackend : StateBackend
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "awarenessbot-tests", Guid.NewGuid().ToString("N"));

    protected override bool InOneProcess => false;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataDirectory"] = _directory,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>A schema of its own on the PostgreSQL test server, dropped afterwards.</summary>
public sealed class PostgresBackend : StateBackend
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    protected override bool InOneProcess => false;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = PostgresTestServer.RequireConnectionString(),
        ["Storage:PostgresSchema"] = _schema,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresTestServer.DropSchemaAsync(_schema);
    }
}
