using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwarenessBot.Analytics;

/// <summary>
/// A count that is never shown when it is below <see cref="Threshold"/> (small counts can identify people in a
/// small region or age band). Only the query layer creates these; the raw number of a suppressed count is not kept,
/// so no output path (HTML, JSON, CSV, ToString) can reveal it.
/// </summary>
[JsonConverter(typeof(SuppressedCountJsonConverter))]
public readonly struct SuppressedCount : IEquatable<SuppressedCount>
{
    /// <summary>Counts below this are shown as "&lt;5".</summary>
    public const int Threshold = 5;

    /// <summary>What a suppressed count renders as.</summary>
    public const string SuppressedText = "<5";

    private readonly long _shown;

    private SuppressedCount(long shown) => _shown = shown;

    /// <summary>True when the real count is below the threshold (including zero).</summary>
    public bool IsSuppressed => _shown < Threshold;

    /// <summary>The count when it may be shown; null when suppressed.</summary>
    public long? Value => IsSuppressed ? null : _shown;

    public static bool operator ==(SuppressedCount left, SuppressedCount right) => left.Equals(right);

    public static bool operator !=(SuppressedCount left, SuppressedCount right) => !left.Equals(right);

    /// <summary>"&lt;5" or the number, invariant culture.</summary>
    public override string ToString() => IsSuppressed ? SuppressedText : _shown.ToString(CultureInfo.InvariantCulture);

    public bool Equals(SuppressedCount other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is SuppressedCount other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Wraps a raw count; a suppressed count forgets its value on the spot.</summary>
    internal static SuppressedCount From(long raw) => new(raw < Threshold ? 0 : raw);
}

/// <summary>JSON: a number when shown, the string "&lt;5" when suppressed.</summary>
public sealed class SuppressedCountJsonConverter : JsonConverter<SuppressedCount>
{
    /// <inheritdoc />
    public override SuppressedCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Number ? SuppressedCount.From(reader.GetInt64()) : SuppressedCount.From(0);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SuppressedCount value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Value is { } shown)
        {
            writer.WriteNumberValue(shown);
        }
        else
        {
            writer.WriteStringValue(SuppressedCount.SuppressedText);
        }
    }
}
