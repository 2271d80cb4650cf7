using System.Globalization;

namespace LoadGenerator.Cli;

/// <summary>Parses "20s", "5m", "500ms", "1h" or a bare number of seconds.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        (string number, double scale) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => (value[..^2], 0.001),
            _ when value.EndsWith('s') => (value[..^1], 1),
            _ when value.EndsWith('m') => (value[..^1], 60),
            _ when value.EndsWith('h') => (value[..^1], 3600),
            _ => (value, 1),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
            ? TimeSpan.FromSeconds(parsed * scale)
            : throw new ArgumentException($"'{text}' is not a duration like 20s, 5m or 500ms.");
    }

    public static string Format(TimeSpan duration) => duration.TotalSeconds >= 60 && duration.TotalSeconds % 60 == 0
        ? $"{duration.TotalMinutes:0}m"
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s");
}
