using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Stemming;
using AwarenessBot.Catalog;

namespace AwarenessBot.Analysis.Tests.Model;

/// <summary>
/// The crisis categories are code (the trained model's classes have a fixed order), so seeds/catalog.yaml is checked
/// against them; stemmers are code chosen by the catalog's name for each locale.
/// </summary>
public sealed class CatalogAgreementTests
{
    [Fact]
    public void The_catalog_lists_the_crisis_categories_in_the_model_class_order()
    {
        Assert.Equal(BotCatalog.Default.CrisisCategories, TriageClasses.Names.Skip(1));
        Assert.Equal(BotCatalog.Default.CrisisCategories, Enum.GetValues<RiskCategory>().Select(c => c.ToWireName()));
    }

    [Fact]
    public void Every_catalog_locale_has_a_stemmer_that_changes_words()
    {
        // One word each stemmer shortens: English and French plurals, a Spanish plural, a Tagalog verb with affixes.
        string[] words = ["workers", "travailleurs", "trabajadores", "nagtatrabaho"];
        foreach (var locale in BotCatalog.Default.Locales.Where(l => l.Stemmer != StemmerNames.None))
        {
            Assert.True(words.Any(w => WordStemmer.Stem(locale.Code, w) != w), $"{locale.Code}: {locale.Stemmer} left every word as it was");
        }
    }

    [Fact]
    public void A_locale_the_catalog_does_not_know_is_not_stemmed() => Assert.Equal("workers", WordStemmer.Stem("xx", "workers"));
}
