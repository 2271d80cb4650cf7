using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Micro.Storage;

/// <summary>
/// An experiment, not a product benchmark: 32 concurrent turns each committing a state write to one SQLite file in
/// WAL mode, the way src/AwarenessBot.Storage does it today (pooled connection, PRAGMA busy_timeout on every open,
/// BeginTransactionAsync, upsert, commit), against two proposed changes: an in-process async gate so only one
/// writer at a time reaches SQLite (waiters queue on a SemaphoreSlim instead of sleeping in SQLite's busy handler),
/// and the gate plus PRAGMA synchronous = NORMAL (WAL: no fsync per commit, still crash-safe). Figures are per write.
/// </summary>
[MemoryDiagnoser]
public class SqliteWriterContentionBenchmarks
{
    private const int Writers = 32;
    private const int WritesEach = 10;
    private static readonly string Json = new('x', 300);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _directory = "";
    private string _connectionString = "";

    [Params("today", "gate", "gate+normal")]
    public string Mode { get; set; } = "today";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"awarenessbot-contention-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_directory, "bench.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 5,
        }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL);";
        command.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Writers * WritesEach)]
    public Task ConcurrentStateWrites() => Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriterAsync(w))));

    private async Task WriterAsync(int writer)
    {
        for (var i = 0; i < WritesEach; i++)
        {
            var gated = Mode != "today";
            if (gated)
            {
                await _gate.WaitAsync();
            }

            try
            {
                await WriteOnceAsync(string.Create(CultureInfo.InvariantCulture, $"emulator/conversations/c{writer}"), i);
            }
            finally
            {
                if (gated)
                {
                    _gate.Release();
                }
            }
        }
    }

    private async Task WriteOnceAsync(string key, int turn)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = Mode == "gate+normal" ? "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;" : "PRAGMA busy_timeout = 5000;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "INSERT INTO state (key, json, etag, updated_at) VALUES ($k, $j, $e, $t) ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$j", Json);
        command.Parameters.AddWithValue("$e", Guid.NewGuid().ToString("N"));
        command.Parameters.AddWithValue("$t", turn);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
