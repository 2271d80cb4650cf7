namespace AwarenessBot.Catalog.Tests;

public sealed class CatalogLoaderTests
{
    [Fact]
    public void The_seeds_catalog_loads_and_is_the_one_the_build_carries()
    {
        var catalog = CatalogLoader.Load(RepoPaths.Catalog);

        Assert.Equal(File.ReadAllText(RepoPaths.Catalog), CatalogLoader.EmbeddedText());
        Assert.Equal(catalog.LocaleCodes, BotCatalog.Default.LocaleCodes);
        Assert.Contains(catalog.FallbackLocale, catalog.RequiredLocales);
        Assert.Equal(13, catalog.Regions.Count);
    }

    [Fact]
    public void Every_locale_says_what_content_requires_it_and_the_fallback_is_required_everywhere()
    {
        var catalog = BotCatalog.Default;
        Assert.True(catalog.Fallback.RequiredForAllContent);
        Assert.All(catalog.Locales, l => Assert.True(l.RequiredForAllContent || catalog.Audiences.Any(a => a.ContentAudience == l.ContentRequired), l.Code));
    }

    [Fact]
    public void Every_region_has_a_time_zone_this_machine_knows_and_a_label_in_every_locale()
    {
        foreach (var region in BotCatalog.Default.Regions.Append(BotCatalog.Default.National))
        {
            Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(region.TimeZone, out _), region.Code);
        }

        Assert.All(BotCatalog.Default.Regions, r => Assert.Equal(BotCatalog.Default.LocaleCodes, r.Label.Keys));
    }

    [Fact]
    public void A_broken_catalog_lists_every_error_with_its_line()
    {
        var text = File.ReadAllText(RepoPaths.Catalog)
            .Replace("fallback_locale: en", "fallback_locale: xx", StringComparison.Ordinal)
            .Replace("stemmer: tagalog_affixes", "stemmer: porter", StringComparison.Ordinal)
            .Replace("time_zone: America/Regina", "time_zone: America/Nowhere", StringComparison.Ordinal)
            .Replace("  - { name: data_deleted, dimensions: [] }\n", "", StringComparison.Ordinal)
            .Replace("  - labour_exploitation\n", "  - labour_exploitation\n  - labour_exploitation\n", StringComparison.Ordinal);

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(text, "broken.yaml"));

        Assert.Collection(
            error.Errors,
            e => Assert.Matches(@"^broken\.yaml:\d+: error \[catalog\] fallback_locale 'xx' is not one of the locales", e),
            e => Assert.Matches(@"^broken\.yaml:\d+: error \[catalog\] locale tl: stemmer 'porter' is not one the code has", e),
            e => Assert.Matches(@"^broken\.yaml:\d+: error \[catalog\] region SK: time zone 'America/Nowhere' is unknown", e),
            e => Assert.Matches(@"^broken\.yaml:\d+: error \[catalog\] crisis category 'labour_exploitation' is listed 2 times", e),
            e => Assert.Matches(@"^broken\.yaml:\d+: error \[catalog\] analytics_events has no 'data_deleted'", e));
    }

    [Fact]
    public void One_audience_speaks_to_someone_writing_about_another_person_and_has_content_for_it()
    {
        Assert.Equal("concerned", BotCatalog.Default.ThirdPersonContentAudience);
        var text = File.ReadAllText(RepoPaths.Catalog)
            .Replace("code: concerned, content_audience: concerned, third_person: true", "code: concerned, third_person: true", StringComparison.Ordinal)
            .Replace("code: educator, content_audience: educator,", "code: educator, content_audience: educator, third_person: true,", StringComparison.Ordinal);

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(text, "broken.yaml"));

        Assert.Collection(
            error.Errors,
            e => Assert.Matches(@"audience concerned has third_person: true but no content_audience", e),
            e => Assert.Matches(@"more than one audience has third_person: true", e));
    }

    [Fact]
    public void Hours_wording_needs_its_placeholders_seven_day_names_and_known_zones()
    {
        var text = File.ReadAllText(RepoPaths.Catalog)
            .Replace("weekdays: [lun., mar., mer., jeu., ven., sam., dim.]", "weekdays: [lun., mar., mer., jeu., ven., sam.]", StringComparison.Ordinal)
            .Replace("day_range: \"{from} a {to}\"", "day_range: \"{from} a\"", StringComparison.Ordinal)
            .Replace("id: America/Winnipeg,", "id: America/Nowhere,", StringComparison.Ordinal);

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(text, "broken.yaml"));

        Assert.Collection(
            error.Errors,
            e => Assert.Matches(@"locale fr: weekdays has 6 names, not 7", e),
            e => Assert.Matches(@"locale es: service_hours day_range '\{from\} a' must hold \{from\} and \{to\}", e),
            e => Assert.Matches(@"time zone 'America/Nowhere' is unknown", e));
    }

    [Fact]
    public void Every_time_zone_of_a_region_is_named_in_every_locale()
    {
        var catalog = BotCatalog.Default;
        foreach (var region in catalog.Regions.Append(catalog.National))
        {
            var zone = Assert.Single(catalog.TimeZoneNames, z => z.Id == region.TimeZone);
            Assert.Equal(catalog.LocaleCodes, zone.Label.Keys);
        }
    }

    [Fact]
    public void Text_that_is_not_yaml_fails_with_its_line() =>
        Assert.Matches(@"^bad\.yaml:\d+: ", Assert.Throws<CatalogException>(() => CatalogLoader.Parse("locales:\n  - [unclosed\n", "bad.yaml")).Errors[0]);
}
