using System.Text.Json.Nodes;
using AwarenessBot.Content.Validation;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Loading;

/// <summary>
/// Reads seeds/lexicons/vocabulary/explicit-terms.&lt;locale&gt;.yaml: a filter list of terms not allowed in text for
/// the 9-12 band. Format: <c>locale: en</c> and <c>terms: [..]</c>.
/// </summary>
internal static class ExplicitTermsLoader
{
    private const string Prefix = "explicit-terms.";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Load(SeedPaths paths, IssueCollector issues)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!Directory.Exists(paths.VocabularyDirectory))
        {
            issues.Warning(paths.Display(paths.VocabularyDirectory), null, null, null, "no vocabulary lexicons: the 9-12 vocabulary rule is not checked");
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(paths.VocabularyDirectory, Prefix + "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = paths.Display(file);
            var locale = Path.GetFileNameWithoutExtension(file)[Prefix.Length..];
            if (YamlReader.TryReadFile(file, display, issues.Sink) is not { } document)
            {
                continue;
            }

            if (document.Json?["terms"] is not JsonArray terms)
            {
                issues.Error(display, 1, null, locale, "a lexicon needs a 'terms' list");
                continue;
            }

            result[locale] = terms.Select(t => t?.ToString().Trim() ?? string.Empty).Where(t => t.Length > 0).ToList();
        }

        return result;
    }
}
