using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Micro.Support;

/// <summary>
/// The product's storage on SQLite in a fresh folder of its own, for the storage benchmarks; disposing it closes the
/// store and deletes the folder.
/// </summary>
internal sealed class SqliteStorageHost : IDisposable
{
    private readonly string _directory;

    /// <param name="root">Where the folder goes: the temp folder (disk) or /dev/shm (no fsync cost).</param>
    /// <param name="name">A prefix naming the benchmark in the folder's name.</param>
    /// <param name="add">What the benchmark registers beside <c>AddBotStorage</c>.</param>
    public SqliteStorageHost(string root, string name, Action<IServiceCollection, IConfiguration> add)
    {
        _directory = Path.Combine(root, $"awarenessbot-{name}-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _directory,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        add(services, configuration);
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public void Dispose()
    {
        // The SQLite dialect is IAsyncDisposable only (the web host disposes asynchronously).
        Services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
