namespace AwarenessBot.Storage;

/// <summary>Which backend holds bot state and analytics.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file under <see cref="StorageOptions.DataDirectory"/> (default; one instance).</summary>
    Sqlite,

    /// <summary>PostgreSQL (several instances behind a load balancer).</summary>
    Postgres,

    /// <summary>In this process, with the same compare-and-set and expiry rules: tests only, nothing survives a restart.</summary>
    Memory,
}

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Backend; default <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Full connection string; for SQLite it overrides <see cref="DataDirectory"/>. Required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the SQLite file <c>awarenessbot.db</c>; default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>PostgreSQL schema holding the tables (created on start); default <c>public</c>.</summary>
    public string PostgresSchema { get; set; } = "public";

    /// <summary>Conversation state (and private conversation state) idle longer than this is gone; default 3 hours.</summary>
    public TimeSpan ConversationTtl { get; set; } = TimeSpan.FromHours(3);

    /// <summary>User state (language, audience) idle longer than this is gone; default 30 days.</summary>
    public TimeSpan UserTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Any other key idle longer than this is gone; default 30 days (nothing is kept for ever).</summary>
    public TimeSpan OtherTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the sweeper deletes expired rows; default 10 minutes.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Analytics events buffered in memory before new ones are dropped (and counted); default 10 000.</summary>
    public int AnalyticsBufferCapacity { get; set; } = 10_000;

    /// <summary>The SQLite file path these options resolve to.</summary>
    public string SqliteFilePath => Path.GetFullPath(Path.Combine(DataDirectory, "awarenessbot.db"));
}
