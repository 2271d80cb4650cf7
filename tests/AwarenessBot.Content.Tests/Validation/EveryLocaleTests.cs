using AwarenessBot.Catalog;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Validation;

namespace AwarenessBot.Content.Tests.Validation;

/// <summary>
/// Every content item is shown in every locale of seeds/catalog.yaml (issue 12: Spanish and Tagalog readers were shown
/// whole answers in English). The validator only requires the catalog's content_required minimum (en and fr; es and tl
/// for worker variants); this convention asks for every locale in every variant and in the title, unless the item says
/// why not in `untranslated_reason`. A reason on an item that has every locale is stale and fails too.
/// </summary>
public sealed class EveryLocaleTests
{
    [Fact]
    public void Every_content_item_has_every_catalog_locale_or_says_why_not()
    {
        var items = SeedsReader.Read(new SeedPaths(TestPaths.RealSeeds), new IssueCollector()).Items.Select(i => i.Definition).ToList();
        Assert.NotEmpty(items);
        var problems = Problems(items, BotCatalog.Default.LocaleCodes);
        Assert.True(problems.Count == 0, "content items without a locale of seeds/catalog.yaml (translate them, or give untranslated_reason):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void An_item_without_a_locale_is_reported_unless_it_says_why()
    {
        IReadOnlyList<string> locales = ["en", "fr", "es"];
        var half = Item("half", ["en", "fr"], ["en", "fr"]);
        var noTitle = Item("no_title", ["en", "fr", "es"], ["en", "fr"]);
        var full = Item("full", ["en", "fr", "es"], ["en", "fr", "es"]);
        var explained = Item("explained", ["en", "fr"], ["en", "fr"]) with { UntranslatedReason = "A test item, shown in the fallback locale." };
        var stale = full with { Id = "stale", UntranslatedReason = "Was English only before it was translated." };

        var problems = Problems([half, noTitle, full, explained, stale], locales);

        Assert.Equal(
            [
                "half: variant 0 (13-15) has no es text",
                "half: title has no es text",
                "no_title: title has no es text",
                "stale: untranslated_reason, but every variant and the title have every locale",
            ],
            problems);
    }

    private static List<string> Problems(IEnumerable<ContentItemDefinition> items, IReadOnlyList<string> locales)
    {
        var problems = new List<string>();
        foreach (var item in items)
        {
            var missing = new List<string>();
            for (var v = 0; v < item.Variants.Count; v++)
            {
                var variant = item.Variants[v];
                missing.AddRange(locales.Where(l => !variant.Locales.ContainsKey(l))
                    .Select(l => $"{item.Id}: variant {v} ({string.Join(", ", variant.Audience)}) has no {l} text"));
            }

            missing.AddRange(locales.Where(l => !item.Title.ContainsKey(l)).Select(l => $"{item.Id}: title has no {l} text"));
            var explained = !string.IsNullOrWhiteSpace(item.UntranslatedReason);
            if (!explained) problems.AddRange(missing);
            else if (missing.Count == 0) problems.Add($"{item.Id}: untranslated_reason, but every variant and the title have every locale");
        }

        return problems;
    }

    private static ContentItemDefinition Item(string id, string[] variantLocales, string[] titleLocales) => new()
    {
        Id = id,
        Topic = "system",
        Title = titleLocales.ToDictionary(l => l, l => "Title " + l),
        Variants =
        [
            new VariantDefinition
            {
                Audience = ["13-15"],
                Locales = variantLocales.ToDictionary(l => l, l => new LocaleTextDefinition { Messages = ["Text " + l] }),
            },
        ],
    };
}
