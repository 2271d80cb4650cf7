namespace AwarenessBot.Admin;

/// <summary>Configuration section <c>Admin</c>.</summary>
internal sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Shorter keys are refused (the dashboard stays disabled) so a weak key cannot be guessed.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>The shared key sent as <c>Authorization: Bearer</c> or <c>X-Admin-Key</c>; unset = data endpoints disabled.</summary>
    public string? Key { get; init; }

    /// <summary>How many days the dashboard shows when the request names no range.</summary>
    public int DefaultDays { get; init; } = 30;

    public bool IsEnabled => Key is { Length: >= MinimumKeyLength };

    public static AdminOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new AdminOptions
        {
            Key = section["Key"] is { Length: > 0 } key ? key.Trim() : null,
            DefaultDays = int.TryParse(section["DefaultDays"], System.Globalization.CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 366 ? days : 30,
        };
    }
}
