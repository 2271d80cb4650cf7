using System.Globalization;
using System.Text;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Validation;
using AwarenessBot.Content.Validation.Rules;
using CsvHelper;

namespace AwarenessBot.Content.Translation;

/// <summary>Exports every English text and its translation in one locale to CSV for translators.</summary>
public static class TranslationExporter
{
    /// <summary>Rows for every item that passes the schema, in id order. Files with shape errors are skipped.</summary>
    public static IReadOnlyList<TranslationRow> Rows(string seedsDirectory, string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var seeds = SeedsReader.Read(new SeedPaths(seedsDirectory), new IssueCollector());
        var rows = new List<TranslationRow>();
        foreach (var item in seeds.Items.Select(i => i.Definition).OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            var titleTarget = item.Title.GetValueOrDefault(locale, string.Empty);
            rows.Add(new TranslationRow(locale, item.Id, TranslationRow.TitleVariant, string.Empty, "title", item.Title.GetValueOrDefault(LocaleNames.Fallback, string.Empty), titleTarget, titleTarget.Length == 0 ? TranslationRow.Missing : string.Empty));
            for (var v = 0; v < item.Variants.Count; v++)
            {
                var variant = item.Variants[v];
                if (!variant.Locales.TryGetValue(LocaleNames.Fallback, out var english))
                {
                    continue;
                }

                var target = variant.Locales.GetValueOrDefault(locale);
                var targetFields = target is null ? [] : LocaleTextFields.Of(target, v, locale).ToDictionary(f => f.FieldPath, f => f.Text, StringComparer.Ordinal);
                foreach (var field in LocaleTextFields.Of(english, v, LocaleNames.Fallback))
                {
                    rows.Add(new TranslationRow(
                        locale,
                        item.Id,
                        v.ToString(CultureInfo.InvariantCulture),
                        string.Join(' ', variant.Audience),
                        field.FieldPath,
                        field.Text,
                        targetFields.GetValueOrDefault(field.FieldPath, string.Empty),
                        target?.Translation ?? TranslationRow.Missing));
                }
            }
        }

        return rows;
    }

    /// <summary>Writes the CSV (UTF-8 with a byte-order mark, so spreadsheet tools read accents correctly).</summary>
    public static int ExportToFile(string seedsDirectory, string locale, string csvPath)
    {
        var rows = Rows(seedsDirectory, locale);
        using var writer = new StreamWriter(csvPath, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default); // RFC 4180: CRLF, quoted only when needed
        csv.WriteRecord([.. TranslationRow.Header]);
        foreach (var row in rows)
        {
            csv.WriteRecord([.. row.ToCells()]);
        }

        return rows.Count;
    }
}
