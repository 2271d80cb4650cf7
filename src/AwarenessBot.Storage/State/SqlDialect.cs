using System.Data.Common;

namespace AwarenessBot.Storage.State;

/// <summary>
/// The few places SQLite and PostgreSQL differ; everything else (parameterised SQL, upserts with
/// <c>ON CONFLICT</c>, compare-and-set updates) is shared by <see cref="SqlStateStore"/> and the analytics store.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>Qualified name of the state table.</summary>
    public abstract string StateTable { get; }

    /// <summary>Qualified name of the analytics table.</summary>
    public abstract string AnalyticsTable { get; }

    /// <summary>Qualified name of the lesson codes table (anonymous class results).</summary>
    public abstract string ClassCodesTable { get; }

    /// <summary>Qualified name of the per-code answer counts table.</summary>
    public abstract string ClassCountsTable { get; }

    /// <summary>Qualified name of the table of answer marks (one per question a conversation answered under a code).</summary>
    public abstract string ClassAnsweredTable { get; }

    /// <summary>The counts table as an INSERT target, with the name its ON CONFLICT ... DO UPDATE refers to.</summary>
    public abstract string ClassCountsInsertTarget { get; }

    /// <summary>How the ON CONFLICT ... DO UPDATE clause names the existing counts row.</summary>
    public abstract string ClassCountsExistingRow { get; }

    /// <summary>The INSERT target with the name its ON CONFLICT ... WHERE clause refers to.</summary>
    public abstract string StateInsertTarget { get; }

    /// <summary>How the ON CONFLICT ... WHERE clause names the existing row.</summary>
    public abstract string StateExistingRow { get; }

    /// <summary>A JSON-valued parameter in an INSERT or UPDATE.</summary>
    public abstract string JsonParameter(string name);

    /// <summary>
    /// The name a parameter written <c>@name</c> in SQL text is bound under. PostgreSQL's driver takes the bare name;
    /// SQLite's looks a bare name up as it is and then with each of its prefixes, a string and its UTF-8 bytes per try
    /// on every execution, so it gets the name as the SQL text writes it.
    /// </summary>
    public virtual string BoundName(string name) => name;

    /// <summary>A JSON column read back as text.</summary>
    public abstract string JsonAsText(string column);

    /// <summary>One string field of a JSON column (<paramref name="field"/> is from a fixed allow-list).</summary>
    public abstract string JsonField(string column, string field);

    /// <summary>The day column read back as <c>yyyy-MM-dd</c> text.</summary>
    public abstract string DayAsText { get; }

    /// <summary>A day value as the provider wants it bound.</summary>
    public abstract object DayValue(DateOnly day);

    /// <summary>
    /// True when the database takes one writer at a time (SQLite): writers then queue in-process instead of polling
    /// the file lock, which costs thread-pool threads and latency under load. PostgreSQL locks rows itself.
    /// </summary>
    public virtual bool SerialisesWrites => false;

    /// <summary>
    /// True when the state table has an index on (kind, updated_at) for the sweeper (PostgreSQL). SQLite has none: a
    /// turn's two row writes each moved their entry in it (about a third of the pages a turn wrote), and the sweeper,
    /// every <see cref="StorageOptions.SweepInterval"/>, scans the table on a reader instead (see
    /// <see cref="SqlStateStore.DeleteExpiredAsync"/>).
    /// </summary>
    public virtual bool IndexesExpiry => true;

    /// <summary>Opens a connection ready to use (pragmas set).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when the state store keeps its own connections open with their statements prepared (SQLite: its driver
    /// prepares a command's SQL again for every command object, and a pooled connection's prepared statements end when
    /// it is closed; see <c>Sqlite/SqliteKeptConnections</c>). PostgreSQL's driver keeps its own.
    /// </summary>
    public virtual bool KeepsConnections => false;

    /// <summary>A connection the caller keeps open for a long time and closes itself: not from the pool, not given back.</summary>
    public virtual Task<DbConnection> OpenKeptAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>Creates tables and indexes if missing; safe to run from several instances at once.</summary>
    public abstract Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
