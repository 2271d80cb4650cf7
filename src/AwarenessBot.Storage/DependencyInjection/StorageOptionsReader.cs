using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AwarenessBot.Storage.DependencyInjection;

/// <summary>Reads the <c>Storage</c> section by hand (no binder package needed) and validates it.</summary>
internal static class StorageOptionsReader
{
    public static StorageOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.SectionName);
        var options = new StorageOptions();
        if (section["Provider"] is { Length: > 0 } provider)
        {
            options.Provider = Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Storage:Provider '{provider}' is not one of Sqlite, Postgres, Memory.");
        }

        options.ConnectionString = section["ConnectionString"] is { Length: > 0 } cs ? cs : null;
        options.DataDirectory = section["DataDirectory"] is { Length: > 0 } dir ? dir : options.DataDirectory;
        options.PostgresSchema = section["PostgresSchema"] is { Length: > 0 } schema ? schema : options.PostgresSchema;
        options.ConversationTtl = Duration(section, "ConversationTtl", options.ConversationTtl);
        options.UserTtl = Duration(section, "UserTtl", options.UserTtl);
        options.OtherTtl = Duration(section, "OtherTtl", options.OtherTtl);
        options.SweepInterval = Duration(section, "SweepInterval", options.SweepInterval);
        if (section["AnalyticsBufferCapacity"] is { Length: > 0 } capacity)
        {
            options.AnalyticsBufferCapacity = int.Parse(capacity, CultureInfo.InvariantCulture);
        }

        Validate(options);
        return options;
    }

    public static void Validate(StorageOptions options)
    {
        if (options.ConversationTtl <= TimeSpan.Zero || options.UserTtl <= TimeSpan.Zero || options.OtherTtl <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Storage TTLs must be positive.");
        }

        if (options.SweepInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Storage:SweepInterval must be positive.");
        }

        if (options.AnalyticsBufferCapacity <= 0)
        {
            throw new InvalidOperationException("Storage:AnalyticsBufferCapacity must be positive.");
        }
    }

    private static TimeSpan Duration(IConfigurationSection section, string name, TimeSpan fallback)
    {
        var raw = section[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        return TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Storage:{name} '{raw}' is not a duration like 03:00:00 or 30.00:00:00.");
    }
}
