using System.Globalization;
using AwarenessBot.Catalog;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Validation;
using AwarenessBot.Content.Validation.Rules;
using AwarenessBot.DataFiles;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Content.Translation;

/// <summary>
/// Imports a CSV written by <see cref="TranslationExporter"/> back into seeds/content. Checks every row first (known
/// id, variant and field; placeholders kept; complete message sets) and writes nothing if any row is wrong. A changed
/// text sets the variant's translation status to draft_translation unless the row's status says
/// machine_translation or reviewed_translation.
/// </summary>
public static class TranslationImporter
{
    private static IReadOnlyList<string> TargetLocales => BotCatalog.Default.TranslatedLocales;
    private static readonly string[] RowStatuses = [TranslationStatuses.Draft, TranslationStatuses.Machine, TranslationStatuses.Reviewed];

    public static TranslationImportResult ImportFile(string seedsDirectory, string csvPath) =>
        Import(seedsDirectory, File.ReadAllText(csvPath), Path.GetFileName(csvPath));

    public static TranslationImportResult Import(string seedsDirectory, string csvText, string sourceName)
    {
        var issues = new IssueCollector();
        var paths = new SeedPaths(seedsDirectory);
        var items = SeedsReader.Read(paths, new IssueCollector()).Items.ToDictionary(i => i.Definition.Id, StringComparer.Ordinal);
        var rows = ParseRows(csvText, sourceName, issues);
        var accepted = rows.Where(r => CheckRow(r.Row, r.Line, items, sourceName, issues)).ToList();
        if (issues.ErrorCount > 0)
        {
            return new TranslationImportResult(issues.ToReport(), [], 0);
        }

        var edits = new List<(string File, string Text)>();
        var changedTexts = 0;
        foreach (var group in accepted.GroupBy(r => r.Row.Id, StringComparer.Ordinal))
        {
            var loaded = items[group.Key];
            var file = Path.Combine(Path.GetDirectoryName(paths.Root)!, loaded.Document.File);
            var (text, changed) = ItemEditor.Apply(File.ReadAllText(file), loaded, group.Select(g => g.Row).ToList(), sourceName, issues);
            if (changed > 0)
            {
                edits.Add((file, text));
                changedTexts += changed;
            }
        }

        if (issues.ErrorCount > 0)
        {
            return new TranslationImportResult(issues.ToReport(), [], 0);
        }

        foreach (var (file, text) in edits)
        {
            File.WriteAllText(file, text);
        }

        var changedFiles = edits.Select(e => paths.Display(e.File)).ToList();
        var after = ContentValidator.ValidateFolder(seedsDirectory).Issues.Where(i => changedFiles.Contains(i.File));
        return new TranslationImportResult(new ValidationReport(issues.Issues.Concat(after).ToList()), changedFiles, changedTexts);
    }

    internal static string StatusFor(string rowStatus) =>
        RowStatuses.Contains(rowStatus.Trim()) ? rowStatus.Trim() : TranslationStatuses.Draft;

    private static List<(TranslationRow Row, int Line)> ParseRows(string csvText, string sourceName, IssueCollector issues)
    {
        var table = CsvTable.Read(csvText);
        if (table.Count == 0 || !table[0].SequenceEqual(TranslationRow.Header))
        {
            issues.Error(sourceName, 1, null, null, "the header must be: " + string.Join(",", TranslationRow.Header));
            return [];
        }

        var rows = new List<(TranslationRow, int)>();
        for (var i = 1; i < table.Count; i++)
        {
            var c = table[i];
            if (c.Count == 1 && c[0].Length == 0)
            {
                continue;
            }

            if (c.Count != TranslationRow.Header.Count)
            {
                issues.Error(sourceName, i + 1, null, null, $"row has {c.Count} columns, expected {TranslationRow.Header.Count}");
                continue;
            }

            rows.Add((new TranslationRow(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]), i + 1));
        }

        return rows;
    }

    private static bool CheckRow(TranslationRow row, int line, Dictionary<string, LoadedItem> items, string sourceName, IssueCollector issues)
    {
        if (row.Target.Length == 0)
        {
            return false;
        }

        if (!TargetLocales.Contains(row.Locale))
        {
            issues.Error(sourceName, line, row.Id, row.Locale, $"locale '{row.Locale}' cannot be imported (English is the source; targets are {string.Join(", ", TargetLocales)})");
            return false;
        }

        if (!items.TryGetValue(row.Id, out var loaded))
        {
            issues.Error(sourceName, line, row.Id, row.Locale, $"unknown id '{row.Id}'");
            return false;
        }

        if (EnglishSource(loaded.Definition, row) is not { } english)
        {
            issues.Error(sourceName, line, row.Id, row.Locale, $"unknown key: variant '{row.Variant}', field '{row.Field}'");
            return false;
        }

        var expected = Placeholders(english);
        var actual = Placeholders(row.Target);
        if (!expected.SequenceEqual(actual) || ServicePlaceholders.MalformedIn(row.Target).Any())
        {
            issues.Error(sourceName, line, row.Id, row.Locale, $"{row.Field}: placeholders must be kept exactly: expected [{string.Join(", ", expected)}]");
            return false;
        }

        return true;
    }

    private static List<string> Placeholders(string text) =>
        [.. ServicePlaceholders.IdsIn(text).Select(id => "{service:" + id + "}").Concat(ServicePlaceholders.ChannelTokensIn(text)).Order(StringComparer.Ordinal)];

    internal static string? EnglishSource(ContentItemDefinition item, TranslationRow row)
    {
        if (row.Variant == TranslationRow.TitleVariant)
        {
            return row.Field == "title" ? item.Title.GetValueOrDefault(LocaleNames.Fallback) : null;
        }

        if (!int.TryParse(row.Variant, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v >= item.Variants.Count
            || !item.Variants[v].Locales.TryGetValue(LocaleNames.Fallback, out var english))
        {
            return null;
        }

        return LocaleTextFields.Of(english, v, LocaleNames.Fallback).FirstOrDefault(f => f.FieldPath == row.Field)?.Text;
    }
}
