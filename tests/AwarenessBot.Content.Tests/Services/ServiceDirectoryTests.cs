using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Services;
using AwarenessBot.Content.Validation;

namespace AwarenessBot.Content.Tests.Services;

/// <summary>Routing over the real service directory (seeds/services).</summary>
public sealed class ServiceDirectoryTests
{
    private static readonly Lazy<ServiceDirectory> Directory = new(LoadRealServices);

    // Tuesday 2026-12-01 12:00 in Toronto (17:00 UTC): daytime everywhere from Newfoundland to Yukon.
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    // Wednesday 2026-12-02 03:00 in Toronto: night in every province and territory.
    private static readonly DateTimeOffset Night = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static ServiceDirectory LoadRealServices()
    {
        using var seeds = SeedsFolder.CreateWithRealServices();
        return new ServiceDirectory(new ContentSnapshotHolder(ContentValidator.LoadOrThrow(seeds.Path, DateTimeOffset.UnixEpoch)));
    }

    public static TheoryData<string, string> EveryRegionAndNeed()
    {
        var data = new TheoryData<string, string>();
        foreach (var region in RegionTimeZones.ProvincesAndTerritories.Append("CA"))
        {
            foreach (var need in RoutingFallbacks.AllNeeds)
            {
                data.Add(region, need);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRegionAndNeed))]
    public void Every_region_and_need_gets_services_and_danger_gets_911_first(string region, string need)
    {
        foreach (var now in new[] { Noon, Night })
        {
            var found = Directory.Value.Find(new ServiceQuery(need, region, null, "en", false, now));

            Assert.NotEmpty(found);
            if (need == "danger_now")
            {
                Assert.Equal("ca_911", found[0].Id);
            }
        }
    }

    [Fact]
    public void Directory_knows_every_need() => Assert.Equal(RoutingFallbacks.AllNeeds, Directory.Value.Needs);

    [Fact]
    public void Region_specific_services_come_before_national_ones()
    {
        var found = Directory.Value.Find(new ServiceQuery("work_exploitation", "ON", "worker", "en", false, Noon, Limit: 10));

        Assert.Equal("on_employment_standards", found[0].Id);
        Assert.Contains(found, s => s.Id == "ca_tfw_tip_line");
    }

    [Fact]
    public void At_night_24_7_services_come_first()
    {
        var found = Directory.Value.Find(new ServiceQuery("work_exploitation", "ON", "worker", "en", false, Night, Limit: 10));

        Assert.True(found[0].Is24x7, $"first at night was {found[0].Id}");
        var firstClosed = found.ToList().FindIndex(s => !s.Is24x7);
        Assert.True(found.Take(firstClosed < 0 ? found.Count : firstClosed).All(s => s.Is24x7));
        Assert.False(found.Single(s => s.Id == "on_employment_standards").OpenNow);
    }

    [Fact]
    public void Regional_24_7_line_leads_at_night_in_its_province()
    {
        var found = Directory.Value.Find(new ServiceQuery("trafficking", "BC", null, "en", false, Night));

        Assert.Equal("bc_octip", found[0].Id);
    }

    [Fact]
    public void Region_without_a_service_for_the_need_falls_back_to_national_lines()
    {
        // Any cell the coverage matrix calls "national only" (the directory grows, so the cell is looked up).
        var cell = ServiceCoverage.FromSeeds(TestPaths.RealSeeds).Cells.First(c => c.Level == CoverageLevel.NationalOnly);
        var found = Directory.Value.Find(new ServiceQuery(cell.Need, cell.Region, "worker", "en", false, Noon));

        Assert.NotEmpty(found);
        Assert.All(found, s => Assert.Contains("CA", s.Regions));
    }

    [Fact]
    public void Unknown_need_falls_back_to_211_and_the_trafficking_hotline()
    {
        var found = Directory.Value.Find(new ServiceQuery("no_such_need", "SK", null, "fr", false, Noon));

        string[] expected = ["ca_211", "ca_human_trafficking_hotline"];
        Assert.Equal(expected, found.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Indigenous_first_brings_Indigenous_services_forward()
    {
        var found = Directory.Value.Find(new ServiceQuery("counselling", "MB", null, "en", true, Noon, Limit: 20));

        // Manitoba's own Indigenous-led services, then Hope for Wellness, before everything else.
        Assert.Equal("indigenous", found[0].Kind);
        var hope = found.ToList().FindIndex(s => s.Id == "ca_hope_for_wellness");
        Assert.True(hope >= 0, "Hope for Wellness is missing");
        Assert.All(found.Take(hope), s => Assert.Equal("indigenous", s.Kind));
    }

    public static TheoryData<string, string, string> RegionsNightAndNoonForAdultsAndWorkers()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var region in RegionTimeZones.ProvincesAndTerritories)
        {
            foreach (var audience in new[] { "adult", "worker" })
            {
                data.Add(region, audience, "night");
                data.Add(region, audience, "noon");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RegionsNightAndNoonForAdultsAndWorkers))]
    public void An_adult_or_a_worker_asking_for_victim_services_gets_services_for_them_before_child_protection_intake(
        string region, string audience, string when)
    {
        // Many child-protection lines are 24/7: before this rule, an adult asking for victim services at night was first
        // shown the line for reporting a child at risk (AB, BC, NL, ON, QC, YT).
        var now = when == "night" ? Night : Noon;
        var found = Directory.Value.Find(new ServiceQuery("victim_services", region, audience, "en", false, now, Limit: 50, Adult: true));

        var firstChildProtection = found.ToList().FindIndex(s => s.Kind == ServiceRanker.ChildProtectionKind);
        Assert.NotEqual(0, firstChildProtection);
        if (firstChildProtection > 0)
        {
            Assert.All(found.Skip(firstChildProtection), s => Assert.Equal(ServiceRanker.ChildProtectionKind, s.Kind));
        }
    }

    [Fact]
    public void Young_people_and_educators_still_get_child_protection_intake_among_the_24_7_lines_at_night()
    {
        foreach (var audience in new[] { "youth", "educator" })
        {
            var found = Directory.Value.Find(new ServiceQuery("victim_services", "AB", audience, "en", false, Night, Limit: 10));

            Assert.Contains(found.TakeWhile(s => s.Is24x7), s => s.Id == "ab_child_abuse_hotline");
        }
    }

    [Theory]
    [MemberData(nameof(EveryRegionAndNeed))]
    public void A_young_person_under_18_is_never_shown_a_service_not_for_young_people(string region, string need)
    {
        // A 14-year-old asked for pictures, in Québec City, was shown a shelter for adult women and a Filipino workers'
        // organisation: the region ranks before the audience, so only leaving them out keeps them away.
        var found = Directory.Value.Find(new ServiceQuery(need, region, "youth", "en", false, Noon, Limit: 50) { Under18 = true });

        Assert.NotEmpty(found);
        Assert.All(found, s => Assert.True(s.Audience.Contains("all") || s.Audience.Contains("youth"), $"{s.Id} serves {string.Join(", ", s.Audience)}"));
    }

    [Fact]
    public void Without_an_under_18_age_the_same_query_keeps_services_for_adults()
    {
        var found = Directory.Value.Find(new ServiceQuery("trafficking", "QC", "youth", "en", false, Noon, Limit: 50));

        Assert.Contains(found, s => !s.Audience.Contains("all") && !s.Audience.Contains("youth"));
    }

    [Fact]
    public void Another_province_is_just_another_code()
    {
        var quebec = Directory.Value.Find(new ServiceQuery("victim_services", "QC", null, "fr", false, Noon));

        // Québec's own services come first, named as they publish themselves in French (which one leads depends on the
        // directory's data: 24/7 lines, then the id).
        Assert.StartsWith("qc_", quebec[0].Id, StringComparison.Ordinal);
        var infoAide = Assert.Single(quebec, s => s.Id == "qc_info_aide_violence_sexuelle");
        Assert.Equal("Info-aide violence sexuelle", infoAide.Name);
    }

    [Fact]
    public void Limit_is_respected() => Assert.Equal(2, Directory.Value.Find(new ServiceQuery("trafficking", "ON", null, "en", false, Noon, Limit: 2)).Count);

    [Theory]
    [InlineData("2026-12-01T10:00:00-05:00", true)]   // Tuesday 10:00 Toronto
    [InlineData("2026-12-01T06:29:00-05:00", false)]  // before opening
    [InlineData("2026-12-01T20:00:00-05:00", false)]  // closing time
    [InlineData("2026-12-05T10:00:00-05:00", false)]  // Saturday
    [InlineData("2026-12-01T08:00:00-07:00", true)]   // 10:00 in Toronto, asked with an Alberta offset
    public void Open_now_follows_the_weekly_schedule(string at, bool open)
    {
        var view = Directory.Value.FindById("ca_tfw_tip_line", "en", DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(open, view!.OpenNow);
        Assert.False(view.Is24x7);
    }

    [Fact]
    public void Find_by_id_gives_contacts_as_sourced_in_the_locale()
    {
        var khp = Directory.Value.FindById("ca_kids_help_phone", "fr", Noon)!;

        Assert.Equal("Jeunesse, J’écoute", khp.Name);
        Assert.Equal("1-800-668-6868", khp.Phone);
        Assert.Equal("686868", khp.TextLine);
        Assert.Contains("CONNECT", khp.Note, StringComparison.Ordinal);
        Assert.True(khp.OpenNow);
        Assert.Null(Directory.Value.FindById("no_such_service", "en", Noon));
    }

    [Fact]
    public void Unsourced_hours_are_never_shown_as_open()
    {
        var crimeStoppers = Directory.Value.FindById("ca_crime_stoppers", "en", Noon)!;

        Assert.False(crimeStoppers.OpenNow);
        Assert.Equal("Hours not confirmed", crimeStoppers.HoursText);
    }
}
