using AwarenessBot.Analytics;
using AwarenessBot.Storage;
using AwarenessBot.Storage.Analytics;
using AwarenessBot.Storage.ClassResults;
using AwarenessBot.Storage.DependencyInjection;
using AwarenessBot.Storage.Erasure;
using AwarenessBot.Storage.Expiry;
using AwarenessBot.Storage.Health;
using AwarenessBot.Storage.Postgres;
using AwarenessBot.Storage.Sqlite;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so Program.cs needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers bot state storage, expiry, "delete my data", the readiness check and analytics.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Reads section <c>Storage</c> (Provider = Sqlite | Postgres | Memory, ConnectionString, DataDirectory,
    /// PostgresSchema, ConversationTtl, UserTtl, OtherTtl, SweepInterval, AnalyticsBufferCapacity) and registers
    /// <see cref="IStateStore"/> (compare-and-set state documents), <see cref="IUserDataEraser"/>, <see cref="IStorageHealth"/>,
    /// <see cref="IAnalyticsSink"/>, <see cref="IAnalyticsQuery"/>, <see cref="AnalyticsCounters"/>,
    /// <see cref="IClassResultsStore"/> (anonymous per-lesson-code quiz counts), the expiry
    /// sweeper and the analytics writer (hosted services). <c>Analytics:Enabled</c> = false discards events. Registers <see cref="TimeProvider.System"/> unless a
    /// TimeProvider is already registered. Also the web channel's <see cref="IWebChannelStore"/> (its limits and secret come from
    /// <see cref="WebChannelOptions"/> options, which the host sets).
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = StorageOptionsReader.Read(configuration);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ExpiryPolicy>();
        services.TryAddSingleton<WebChannelSubscribers>();

        if (options.Provider == StorageProvider.Memory)
        {
            services.AddSingleton<MemoryStateStore>();
            services.AddSingleton<IStateStore>(sp => sp.GetRequiredService<MemoryStateStore>());
            services.AddSingleton<IStateMaintenance>(sp => sp.GetRequiredService<MemoryStateStore>());
            services.AddSingleton<IStorageHealth, AlwaysHealthy>();
            services.AddSingleton<IClassResultsStore, MemoryClassResultsStore>();
        }
        else
        {
            services.AddSingleton<SqlDialect>(_ => options.Provider == StorageProvider.Postgres
                ? new PostgresDialect(options)
                : new SqliteDialect(options));
            services.AddSingleton<SchemaGate>();
            services.AddSingleton<SqlStateStore>();
            services.AddSingleton<IStateStore>(sp => sp.GetRequiredService<SqlStateStore>());
            services.AddSingleton<IStateMaintenance>(sp => sp.GetRequiredService<SqlStateStore>());
            services.AddSingleton<IStorageHealth, SqlStorageHealth>();
            services.AddSingleton<IAnalyticsStore, SqlAnalyticsStore>();
            services.AddSingleton<IClassResultsStore, SqlClassResultsStore>();
            services.AddSingleton<StateSweeper>();
            services.AddHostedService(sp => sp.GetRequiredService<StateSweeper>());
        }

        services.AddSingleton<IUserDataEraser, StateEraser>();
        AddWebChannelStore(services, options.Provider);

        // SQL providers registered their analytics store above; Memory gets the analytics library's in-process one.
        services.AddProgrammeAnalytics(new AnalyticsOptions
        {
            Enabled = AnalyticsEnabled(configuration),
            BufferCapacity = options.AnalyticsBufferCapacity,
        });
        return services;
    }

    /// <summary>
    /// The web channel's conversations follow the provider: PostgreSQL shares them between instances (tables, and a
    /// LISTEN connection per instance); SQLite and Memory keep them in this process, as one machine needs.
    /// </summary>
    private static void AddWebChannelStore(IServiceCollection services, StorageProvider provider)
    {
        if (provider != StorageProvider.Postgres)
        {
            services.TryAddSingleton<IWebChannelStore, MemoryWebChannelStore>();
            return;
        }

        services.AddSingleton(sp => (PostgresDialect)sp.GetRequiredService<SqlDialect>());
        services.AddSingleton<PostgresWebChannelStore>();
        services.AddSingleton<IWebChannelStore>(sp => sp.GetRequiredService<PostgresWebChannelStore>());
        services.AddSingleton<PostgresWebChannelListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresWebChannelListener>());
    }

    /// <summary><c>Analytics:Enabled</c> (default true): false discards every event (the dashboard then shows nothing new).</summary>
    private static bool AnalyticsEnabled(IConfiguration configuration)
        => !bool.TryParse(configuration["Analytics:Enabled"], out var enabled) || enabled;
}
