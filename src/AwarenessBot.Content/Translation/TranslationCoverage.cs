using System.Globalization;
using System.Text;
using AwarenessBot.Catalog;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Validation;

namespace AwarenessBot.Content.Translation;

/// <summary>One line of the coverage report: for a locale and topic, how many variants exist and in which state.</summary>
public sealed record CoverageLine(string Locale, string Topic, int Expected, int Present, int Original, int Reviewed, int Draft, int Machine);

/// <summary>
/// How complete each locale is, per topic. Expected counts the variants the rules require the locale in (every
/// variant, or those for its audience: seeds/catalog.yaml content_required); Present counts variants that have it at all.
/// </summary>
public static class TranslationCoverage
{
    public static IReadOnlyList<string> Locales => BotCatalog.Default.LocaleCodes;

    public static IReadOnlyList<CoverageLine> Compute(string seedsDirectory)
    {
        var items = SeedsReader.Read(new SeedPaths(seedsDirectory), new IssueCollector()).Items.Select(i => i.Definition).ToList();
        var lines = new List<CoverageLine>();
        foreach (var definition in BotCatalog.Default.Locales)
        {
            var locale = definition.Code;
            foreach (var topic in items.Select(i => i.Topic).Distinct().Order(StringComparer.Ordinal))
            {
                var variants = items.Where(i => i.Topic == topic).SelectMany(i => i.Variants).ToList();
                var expected = definition.RequiredForAllContent ? variants.Count : variants.Count(v => v.Audience.Contains(definition.ContentRequired));
                var texts = variants.Select(v => v.Locales.GetValueOrDefault(locale)).OfType<LocaleTextDefinition>().ToList();
                lines.Add(new CoverageLine(
                    locale, topic, expected, texts.Count,
                    texts.Count(t => t.Translation == TranslationStatuses.Original),
                    texts.Count(t => t.Translation == TranslationStatuses.Reviewed),
                    texts.Count(t => t.Translation == TranslationStatuses.Draft),
                    texts.Count(t => t.Translation == TranslationStatuses.Machine)));
            }
        }

        return lines;
    }

    /// <summary>A printable table: locale, topic, present/expected, and the split by translation status.</summary>
    public static string Report(string seedsDirectory)
    {
        var text = new StringBuilder();
        text.AppendLine("locale  topic                   present/expected  original  reviewed  draft  machine");
        foreach (var l in Compute(seedsDirectory))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{l.Locale,-7} {l.Topic,-23} {l.Present,7}/{l.Expected,-9} {l.Original,8} {l.Reviewed,9} {l.Draft,6} {l.Machine,8}");
        }

        return text.ToString();
    }
}
