using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Testing;

namespace AwarenessBot.Tests.Privacy;

/// <summary>
/// Everything a log sink could write for one <see cref="FakeLogRecord"/> — category, message, structured state (lists
/// and nested pairs spelled out), scopes and exception — as text, so a test can prove what never appears in it.
/// </summary>
internal static class LogRecordText
{
    public static string AllText(this FakeLogRecord record)
    {
        var text = new StringBuilder().Append(record.Category).Append('\n').Append(record.Message).Append('\n');
        if (record.State is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                text.Append(key).Append('=').Append(Describe(value)).Append('\n');
            }
        }
        else
        {
            text.Append(Describe(record.State)).Append('\n');
        }

        foreach (var scope in record.Scopes)
        {
            text.Append("scope:").Append(Describe(scope)).Append('\n');
        }

        return text.Append('\n').Append(record.Exception?.ToString()).ToString();
    }

    private static string Describe(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable<KeyValuePair<string, object?>> pairs => string.Join(";", pairs.Select(p => p.Key + "=" + Describe(p.Value))),
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(Describe)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
