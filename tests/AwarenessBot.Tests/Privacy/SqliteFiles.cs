using System.Text;
using Microsoft.Data.Sqlite;

namespace AwarenessBot.Tests.Privacy;

/// <summary>
/// A temporary data directory for a host on SQLite, and ways to read what the host really wrote there: every
/// table, every column, and the raw bytes of the database and its WAL.
/// </summary>
internal sealed class SqliteFiles : IDisposable
{
    public SqliteFiles() => Directory.CreateDirectory(DataDirectory);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "awarenessbot-host-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(DataDirectory, "awarenessbot.db");

    /// <summary>Every row of every table as "table.column=value" lines (blobs as UTF-8).</summary>
    public async Task<Dictionary<string, List<string>>> DumpAllTablesAsync()
    {
        await using var connection = await OpenReadOnlyAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = dump[table] = [];
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    row.Append(table).Append('.').Append(reader.GetName(i)).Append('=').Append(value).Append('\n');
                }

                rows.Add(row.ToString());
            }
        }

        return dump;
    }

    /// <summary>The keys, kinds and JSON sizes (bytes) of the state table.</summary>
    public async Task<List<(string Key, string Kind, long Bytes)>> StateRowsAsync()
    {
        await using var connection = await OpenReadOnlyAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, kind, length(CAST(json AS BLOB)) FROM state ORDER BY key";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }

    /// <summary>The raw bytes of the database file and its journal files (-wal, -shm, -journal) that exist now.</summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> RawFiles() =>
        [.. Directory.GetFiles(DataDirectory).Select(path => (path, ReadShared(path)))];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection of a host being torn down; the OS cleans the temp folder.
        }
    }

    private async Task<SqliteConnection> OpenReadOnlyAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
