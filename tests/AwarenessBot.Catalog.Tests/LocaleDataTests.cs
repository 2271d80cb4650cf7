namespace AwarenessBot.Catalog.Tests;

/// <summary>
/// Adding a language is the catalog line, the content, the intents and the lexicons: a locale of the catalog without
/// its intents, its language-identification text or its triage concepts fails here, naming the file to write.
/// (Content is checked by the content validator: every variant has the locales the catalog requires of it.)
/// </summary>
public sealed class LocaleDataTests
{
    [Fact]
    public void Every_catalog_locale_has_its_intents_and_lexicons()
    {
        var missing = BotCatalog.Default.LocaleCodes
            .SelectMany(code => new[] { $"intents/{code}.yaml", $"lexicons/language/{code}.txt", $"triage/concepts/{code}.yaml" })
            .Where(relative => !File.Exists(Path.Combine(RepoPaths.Seeds, relative)))
            .Select(relative => "seeds/" + relative)
            .ToList();

        Assert.True(missing.Count == 0, "Missing for a locale of seeds/catalog.yaml: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_language_lexicon_and_concept_file_is_for_a_catalog_locale()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Seeds, "lexicons", "language"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Seeds, "triage", "concepts"), "*.yaml"))
            .Select(Path.GetFileNameWithoutExtension);

        Assert.All(files, code => Assert.True(BotCatalog.Default.IsLocale(code), $"{code} is not a locale of seeds/catalog.yaml"));
    }
}
