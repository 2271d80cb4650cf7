using System.Globalization;
using System.Text;
using AwarenessBot.Content.Loading;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>No explicit sexual term (seeds/lexicons/vocabulary/explicit-terms.&lt;locale&gt;.yaml) in text for 9-12.</summary>
internal sealed class VocabularyRule : ISeedRule
{
    public const string YoungestBand = "9-12";

    public void Check(LoadedSeeds seeds, IssueCollector issues)
    {
        var normalizedTerms = seeds.ExplicitTerms.ToDictionary(p => p.Key, p => p.Value.Select(t => (Term: t, Normalized: Normalize(t))).ToList(), StringComparer.Ordinal);
        foreach (var (item, document) in seeds.Items)
        {
            for (var v = 0; v < item.Variants.Count; v++)
            {
                var variant = item.Variants[v];
                if (!variant.Audience.Contains(YoungestBand))
                {
                    continue;
                }

                foreach (var (locale, text) in variant.Locales)
                {
                    if (!normalizedTerms.TryGetValue(locale, out var terms))
                    {
                        continue;
                    }

                    foreach (var field in LocaleTextFields.Of(text, v, locale))
                    {
                        var normalized = Normalize(field.Text);
                        foreach (var (term, _) in terms.Where(t => ContainsWord(normalized, t.Normalized)))
                        {
                            issues.Error(document, field.Pointer, item.Id, locale, $"{field.FieldPath} uses '{term}', which is not allowed for {YoungestBand} (explicit-terms.{locale}.yaml)");
                        }
                    }
                }
            }
        }
    }

    /// <summary>Whole-word (or whole-phrase) match, so that a term inside a longer word does not count.</summary>
    internal static bool ContainsWord(string text, string term)
    {
        var start = 0;
        while ((start = text.IndexOf(term, start, StringComparison.Ordinal)) >= 0)
        {
            var end = start + term.Length;
            var before = start == 0 || !char.IsLetter(text[start - 1]);
            var after = end >= text.Length || !char.IsLetter(text[end]);
            if (before && after)
            {
                return true;
            }

            start = end;
        }

        return false;
    }

    /// <summary>Lower case without accents: "Pénis" and "penis" match the same entry.</summary>
    internal static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(NormalizationForm.FormC);
    }
}
