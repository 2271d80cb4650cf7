using AwarenessBot.Content.Validation;

namespace AwarenessBot.Content.Tests.Validation;

/// <summary>Each rule has a broken fixture (Fixtures/Invalid/&lt;case&gt;); the error names the file, the id and the problem.</summary>
public sealed class MeaningRuleTests
{
    [Fact]
    public void Valid_fixtures_have_no_errors()
    {
        using var seeds = SeedsFolder.CreateValid();
        var report = ContentValidator.ValidateFolder(seeds.Path);
        Assert.True(report.IsValid, report.ToPrintable());
    }

    [Theory]
    [InlineData("id_mismatch", "seeds/content/online-safety/fixture_wrong_name.yaml", "some_other_id", "must equal the file name 'fixture_wrong_name'")]
    [InlineData("duplicate_id", "seeds/content/trafficking/fixture_sextortion_steps.yaml", "fixture_sextortion_steps", "also defined in seeds/content/online-safety/fixture_sextortion_steps.yaml")]
    [InlineData("missing_fr", "seeds/content/online-safety/fixture_missing_fr.yaml", "fixture_missing_fr", "\"fr\"")]
    [InlineData("worker_missing_tl", "seeds/content/worker-rights/fixture_worker_no_tl.yaml", "fixture_worker_no_tl", "has no 'tl' text")]
    [InlineData("message_count", "seeds/content/online-safety/fixture_message_count.yaml", "fixture_message_count", "1 message(s) in fr but 2 in en")]
    [InlineData("quiz_mismatch", "seeds/content/online-safety/fixture_quiz_mismatch.yaml", "fixture_quiz_mismatch", "quiz has 2 choices in fr but 3 in en")]
    [InlineData("quiz_mismatch", "seeds/content/online-safety/fixture_quiz_mismatch.yaml", "fixture_quiz_mismatch", "quiz answer is 0 in fr but 1 in en")]
    [InlineData("reviewed_without_reviewer", "seeds/content/online-safety/fixture_no_reviewer.yaml", "fixture_no_reviewer", "reviewed_by names no organisation")]
    [InlineData("unknown_service", "seeds/content/online-safety/fixture_unknown_service.yaml", "fixture_unknown_service", "{service:ca_does_not_exist} names no service")]
    [InlineData("message_too_long", "seeds/content/online-safety/fixture_too_long.yaml", "fixture_too_long", "messages[1] has")]
    [InlineData("readability", "seeds/content/online-safety/fixture_too_hard.yaml", "fixture_too_hard", "> ceiling 7 for 13-15")]
    [InlineData("explicit_term", "seeds/content/online-safety/fixture_explicit_term.yaml", "fixture_explicit_term", "uses 'porn', which is not allowed for 9-12")]
    [InlineData("explicit_term", "seeds/content/online-safety/fixture_explicit_term.yaml", "fixture_explicit_term", "uses 'pornographie'")]
    [InlineData("invented_phone", "seeds/content/online-safety/fixture_invented_phone.yaml", "fixture_invented_phone", "phone number 1-800-555-0199 is not in the service directory")]
    [InlineData("unsourced_url", "seeds/content/online-safety/fixture_unsourced_url.yaml", "fixture_unsourced_url", "'https://example.org/help' is not on a site named")]
    [InlineData("no_header", "seeds/content/online-safety/fixture_no_header.yaml", "fixture_no_header", "the first line must be")]
    [InlineData("yaml_syntax", "seeds/content/online-safety/fixture_yaml_syntax.yaml", "fixture_yaml_syntax", "error [yaml]")]
    [InlineData("service_id_mismatch", "seeds/services/on/on_fixture_wrong.yaml", "on_fixture_other", "must equal the file name 'on_fixture_wrong'")]
    [InlineData("service_region_folder", "seeds/services/qc/qc_fixture_region.yaml", "qc_fixture_region", "must list QC in regions")]
    [InlineData("service_time_zone", "seeds/services/on/on_fixture_zone.yaml", "on_fixture_zone", "unknown time zone 'America/Nowhere'")]
    [InlineData("service_schema", "seeds/services/on/on_fixture_schema.yaml", "on_fixture_schema", "[schema] on_fixture_schema: /kind")]
    [InlineData("service_schedule_empty", "seeds/services/on/on_fixture_schedule_empty.yaml", "on_fixture_schedule_empty", "hours: open and close are both 10:00")]
    public void Broken_fixture_is_reported_with_file_and_id(string fixtureCase, string file, string id, string messagePart)
    {
        using var seeds = SeedsFolder.CreateValid(fixtureCase);

        var report = ContentValidator.ValidateFolder(seeds.Path);

        Assert.False(report.IsValid);
        var match = report.Errors.FirstOrDefault(e => e.File == file && e.Subject == id && e.ToString().Contains(messagePart, StringComparison.Ordinal));
        Assert.True(match is not null, $"expected an error in {file} for {id} containing \"{messagePart}\"; got:{Environment.NewLine}{report.ToPrintable()}");
        Assert.NotNull(match.Line);
    }

    [Fact]
    public void Errors_point_at_the_line_of_the_offending_message()
    {
        using var seeds = SeedsFolder.CreateValid("message_too_long");

        var error = Assert.Single(ContentValidator.ValidateFolder(seeds.Path).Errors);

        // Line 16 of fixture_too_long.yaml holds the second English message.
        Assert.Equal(16, error.Line);
        Assert.Equal("en", error.Locale);
        Assert.StartsWith("seeds/content/online-safety/fixture_too_long.yaml:16: error [message-length] fixture_too_long/en: messages[1] has", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_schedule_is_reported_at_the_line_of_each_opening()
    {
        using var seeds = SeedsFolder.CreateValid("service_schedule_shape", "service_schedule_empty");

        var errors = ContentValidator.ValidateFolder(seeds.Path).Errors.Select(e => e.ToString()).ToList();

        // Only the failing openings are named, not the "24/7" / "online" / "unknown" alternatives of hours.
        var shape = "seeds/services/on/on_fixture_schedule_shape.yaml";
        Assert.Contains(errors, e => e.StartsWith(shape + ":15: error [schema] on_fixture_schedule_shape: /hours/schedule/0: ", StringComparison.Ordinal) && e.Contains("open", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith(shape + ":16: error [schema] on_fixture_schedule_shape: /hours/schedule/1/days/0: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith(shape + ":17: error [schema] on_fixture_schedule_shape: /hours/schedule/1/open: ", StringComparison.Ordinal));
        Assert.True(errors.Where(e => e.StartsWith(shape, StringComparison.Ordinal)).All(e => e.Contains(": /hours/schedule/", StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.Contains(errors, e => e.StartsWith("seeds/services/on/on_fixture_schedule_empty.yaml:18: error [service] on_fixture_schedule_empty: hours: open and close are both 10:00", StringComparison.Ordinal));
    }

    [Fact]
    public void All_errors_are_collected_in_one_pass()
    {
        using var seeds = SeedsFolder.CreateValid("id_mismatch", "unknown_service", "readability", "service_time_zone");

        var report = ContentValidator.ValidateFolder(seeds.Path);

        Assert.Equal(4, report.Errors.Select(e => e.File).Distinct().Count());
    }

    [Fact]
    public void Typing_a_directory_number_is_a_warning_pointing_to_the_placeholder()
    {
        using var seeds = SeedsFolder.CreateValid();
        var path = "content/online-safety/fixture_sextortion_steps.yaml";
        seeds.Write(path, seeds.Read(path).Replace("{service:ca_human_trafficking_hotline} at any time", "1-833-900-1010 at any time", StringComparison.Ordinal));

        var report = ContentValidator.ValidateFolder(seeds.Path);

        Assert.True(report.IsValid, report.ToPrintable());
        Assert.Contains(report.Warnings, w => w.Message.Contains("write {service:ca_human_trafficking_hotline} instead of typing 1-833-900-1010", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_failure_throws_once_with_every_error()
    {
        using var seeds = SeedsFolder.CreateValid("id_mismatch", "unknown_service");

        var ex = Assert.Throws<ContentValidationException>(() => ContentValidator.LoadOrThrow(seeds.Path, DateTimeOffset.UnixEpoch));

        // One id error, and the unknown placeholder in en and in fr.
        Assert.Equal(3, ex.Errors.Count);
        Assert.Contains("fixture_wrong_name.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fixture_unknown_service.yaml", ex.Message, StringComparison.Ordinal);
    }
}
