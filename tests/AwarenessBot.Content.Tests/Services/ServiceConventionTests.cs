using System.Globalization;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Services;
using AwarenessBot.Content.Validation;

namespace AwarenessBot.Content.Tests.Services;

/// <summary>
/// Conventions over the real seeds (issue 13): every service cites a source and a verification date; unknown hours,
/// online services and 24/7 lines never carry an open/closed label; what a person who said 19+ reads never sends them
/// to a service only for under-18s; COVERAGE.md is the current coverage matrix.
/// </summary>
public sealed class ServiceConventionTests
{
    private static readonly Lazy<ContentSnapshot> Real = new(() => ContentValidator.LoadOrThrow(TestPaths.RealSeeds, DateTimeOffset.UnixEpoch));

    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    private static readonly string[] Locales = ["en", "fr", "es", "tl"];

    [Fact]
    public void Every_service_has_a_source_url_and_a_last_verified_date_not_in_the_future()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var problems = new List<string>();
        foreach (var service in Real.Value.Services.Values.Select(s => s.Definition))
        {
            if (service.Sources.Count == 0 || service.Sources.Any(s => !Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
                problems.Add(service.Id + ": a source without an http(s) address");
            if (!DateOnly.TryParseExact(service.LastVerified, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var verified))
                problems.Add(service.Id + ": last_verified is not a date");
            else if (verified > today)
                problems.Add(service.Id + ": last_verified is in the future");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Only_a_sourced_weekly_schedule_can_be_shown_as_open_or_closed()
    {
        var directory = new ServiceDirectory(new ContentSnapshotHolder(Real.Value));
        foreach (var entry in Real.Value.Services.Values)
        {
            var view = directory.FindById(entry.Definition.Id, "en", Noon)!;
            Assert.Equal(entry.Hours.Kind == HoursKind.Weekly, view.HasWeeklyHours);
            if (entry.Hours.Kind == HoursKind.AlwaysOpen)
            {
                Assert.True(view.Is24x7 && view.OpenNow, entry.Definition.Id + " is 24/7 but not shown as always open");
            }
        }
    }

    [Fact]
    public void A_card_says_each_confidentiality_sentence_once_and_the_field_still_answers_privacy_questions()
    {
        var directory = new ServiceDirectory(new ContentSnapshotHolder(Real.Value));
        foreach (var locale in new[] { "en", "fr" })
        {
            // CAVAC's note ends "Free and confidential." and its confidentiality says the same.
            var cavac = directory.FindById("qc_cavac", locale, Noon)!;
            Assert.NotNull(cavac.Confidentiality);
            var said = cavac.Confidentiality!.TrimEnd('.');
            Assert.Equal(1, (cavac.Note!.Length - cavac.Note.Replace(said, "", StringComparison.OrdinalIgnoreCase).Length) / said.Length);
        }

        // The hotline's confidentiality is not in its note: the card shows both.
        var hotline = directory.FindById("ca_human_trafficking_hotline", "en", Noon)!;
        Assert.Contains(hotline.Confidentiality!, hotline.Note!, StringComparison.Ordinal);
        Assert.Equal("free", directory.FindById("qc_cavac", "en", Noon)!.Cost);
    }

    [Fact]
    public void A_card_in_french_spanish_or_tagalog_carries_no_sentence_of_the_english_card()
    {
        // A text missing in one locale falls back to English (LocaleNames.Pick), so a Spanish card ended "Free and
        // confidential.": each sentence of the English note and hours must be gone from the other locales' cards,
        // unless that locale's own text keeps it on purpose (an address, a number).
        var directory = new ServiceDirectory(new ContentSnapshotHolder(Real.Value));
        var problems = new List<string>();
        var compared = 0;
        foreach (var entry in Real.Value.Services.Values)
        {
            var s = entry.Definition;
            var english = directory.FindById(s.Id, "en", Noon)!;
            foreach (var locale in new[] { "fr", "es", "tl" })
            {
                var view = directory.FindById(s.Id, locale, Noon)!;
                var own = string.Join("\n", new[] { s.Notes, s.Confidentiality, entry.Hours.Note }.Select(texts => texts?.GetValueOrDefault(locale)).OfType<string>());
                // The hours' one-word labels ("24/7", "Online") are the locale's own wording (Tagalog keeps them); their
                // sentences of two words or more are the hours note.
                foreach (var sentence in Sentences(english.Note).Concat(Sentences(english.HoursText).Where(t => t.Contains(' ', StringComparison.Ordinal))))
                {
                    compared++;
                    var shown = (view.Note?.Contains(sentence, StringComparison.Ordinal) ?? false) || (view.HoursText?.Contains(sentence, StringComparison.Ordinal) ?? false);
                    if (shown && !own.Contains(sentence, StringComparison.Ordinal))
                        problems.Add($"{s.Id} ({locale}): \"{sentence}\"");
                }
            }
        }

        Assert.True(compared > 500, $"only {compared} sentences were compared");
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        static IEnumerable<string> Sentences(string? text) =>
            text is null ? [] : text.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.TrimEnd('.')).Where(t => t.Length > 0);
    }

    [Theory]
    [InlineData("en", "report-abuse.html")]
    [InlineData("fr", "report-abuse.html")] // no French page address was sourced: the English page (ca_tfw_tip_line.yaml)
    [InlineData("es", "report-abuse-es.html")]
    [InlineData("tl", "report-abuse-tl.html")]
    public void The_tip_lines_web_link_is_the_page_in_the_persons_language_where_one_is_sourced(string locale, string page)
    {
        // It was the Tagalog page for every language (web_by_locale: a page per language, else web).
        var directory = new ServiceDirectory(new ContentSnapshotHolder(Real.Value));
        var view = directory.FindById("ca_tfw_tip_line", locale, Noon)!;
        Assert.EndsWith("/foreign-workers/" + page, view.Web, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "https://aidezmoisvp.ca/")]
    [InlineData("en", "https://needhelpnow.ca/")]
    [InlineData("es", "https://needhelpnow.ca/")]
    public void Image_removal_help_opens_the_operators_site_in_the_persons_language(string locale, string site)
    {
        // French youths got the English site while the French note named AidezMoiSVP.ca.
        var directory = new ServiceDirectory(new ContentSnapshotHolder(Real.Value));
        Assert.Equal(site, directory.FindById("ca_needhelpnow", locale, Noon)!.Web);
    }

    [Fact]
    public void Under_18_services_are_marked_and_never_found_for_adults()
    {
        var directory = new ServiceDirectory(new ContentSnapshotHolder(Real.Value));
        string[] minorsOnly = ["ca_cybertip", "ca_needhelpnow", "ca_kids_help_phone"];
        Assert.All(minorsOnly, id => Assert.True(directory.FindById(id, "en", Noon)!.ForMinorsOnly, id));

        foreach (var region in RegionTimeZones.ProvincesAndTerritories.Append(RegionTimeZones.National))
        {
            foreach (var need in ServiceCoverage.Needs)
            {
                var found = directory.Find(new ServiceQuery(need, region, "adult", "en", false, Noon, Limit: 20, Adult: true));
                Assert.NotEmpty(found);
                Assert.DoesNotContain(found, s => s.ForMinorsOnly);
            }
        }
    }

    [Fact]
    public void What_a_person_who_said_19_plus_reads_never_points_to_under_18_services()
    {
        var snapshot = Real.Value;
        var repository = new ContentRepository(new ContentSnapshotHolder(snapshot));
        var directory = new ServiceDirectory(new ContentSnapshotHolder(snapshot));
        var minors = snapshot.Services.Values.Where(s => directory.FindById(s.Definition.Id, "en", Noon)!.ForMinorsOnly).ToList();
        var problems = new List<string>();
        // Educators' items are about helping a child (reporting to Cybertip.ca is right there); everything else a
        // person who said 19+ reads is about themselves.
        foreach (var item in repository.List().Where(i => i.Topic != "educators"))
        {
            foreach (var locale in Locales.Where(l => item.Locales.Contains(l)))
            {
                var view = repository.Find(item.Id, locale, "19+")!;
                var texts = view.Messages.Concat(view.Quiz is { } q ? [q.Question, q.FeedbackCorrect, q.FeedbackIncorrect, .. q.Choices] : []);
                foreach (var text in texts)
                {
                    foreach (var service in minors)
                    {
                        var names = service.Definition.Name.Values.Append(service.Definition.Id);
                        if (names.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                            problems.Add($"{item.Id} ({locale}, variant {view.Audience}) names {service.Definition.Id}");
                    }

                    if (text.Contains("safe adult", StringComparison.OrdinalIgnoreCase) || text.Contains("trusted adult", StringComparison.OrdinalIgnoreCase)
                        || text.Contains("adulte de confiance", StringComparison.OrdinalIgnoreCase))
                        problems.Add($"{item.Id} ({locale}, variant {view.Audience}) tells an adult to tell an adult");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void Coverage_matrix_file_is_current()
    {
        var expected = ServiceCoverage.FromSeeds(TestPaths.RealSeeds).ToMarkdown().ReplaceLineEndings("\n");
        var file = Path.Combine(TestPaths.RealSeeds, "services", "COVERAGE.md");
        Assert.True(File.Exists(file), "seeds/services/COVERAGE.md is missing: run `dotnet run --project src/AwarenessBot -- coverage --write`");
        Assert.True(expected == File.ReadAllText(file).ReplaceLineEndings("\n"),
            "seeds/services/COVERAGE.md is out of date: run `dotnet run --project src/AwarenessBot -- coverage --write`");
    }

    [Fact]
    public void Every_region_and_need_is_covered_at_least_by_national_lines_and_every_region_has_its_labour_standards_office()
    {
        var coverage = ServiceCoverage.FromSeeds(TestPaths.RealSeeds);
        Assert.DoesNotContain(coverage.Cells, c => c.Level == CoverageLevel.FallbackOnly && c.Need != "employment_standards");
        Assert.All(coverage.Cells.Where(c => c.Need == "employment_standards"), c => Assert.Equal(CoverageLevel.Regional, c.Level));
    }
}
