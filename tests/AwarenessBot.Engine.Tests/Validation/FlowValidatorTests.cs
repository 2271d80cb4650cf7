using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Graph;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Validation;
using Xunit.Abstractions;

namespace AwarenessBot.Engine.Tests.Validation;

public sealed class FlowValidatorTests(ITestOutputHelper output) : IDisposable
{
    private readonly List<string> _temp = [];

    [Fact]
    public void The_real_dialogs_are_valid_against_fake_content_and_services()
    {
        var report = FlowValidator.Validate(Paths.Dialogs, new FakeContentRepository(), new FakeServiceDirectory(), Paths.Intents);
        output.WriteLine(report.ToString());
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public void Unknown_target_names_file_line_flow_and_step()
    {
        var issue = Single(Validate("unknown_target"), "unknown-target");
        Assert.Equal("dialogs/broken_next.yaml", issue.File[^"dialogs/broken_next.yaml".Length..]);
        Assert.Equal(13, issue.Line);
        Assert.Equal("broken_next/second", issue.Subject);
        Assert.Contains("'nowhere'", issue.Message, StringComparison.Ordinal);
        Assert.Matches(@"broken_next\.yaml:13: error \[unknown-target\] broken_next/second: ", issue.ToString());
    }

    [Fact]
    public void Unreachable_step_is_an_error()
    {
        var issue = Single(Validate("unreachable_step"), "unreachable-step");
        Assert.Equal(("orphan/lonely", 9), (issue.Subject, issue.Line));
    }

    [Fact]
    public void Open_topics_without_otherwise_is_an_error()
    {
        var issue = Single(Validate("open_topics_without_otherwise"), "open-topics-without-otherwise");
        Assert.Equal(("deaf_topics/ask", 5), (issue.Subject, issue.Line));
    }

    [Fact]
    public void Profile_adult_is_read_only()
    {
        // It follows from the age band and the audience; a flow that set or stored it would make a 13-year-old "adult".
        var errors = Validate("adult_is_read_only").Errors.Where(i => i.Rule == "read-only-field").Select(i => (i.Subject, i.Line)).ToList();
        Assert.Equal([("claims_adult/claim", 5), ("claims_adult/ask", 10)], errors);
    }

    [Fact]
    public void A_label_longer_than_a_WhatsApp_button_without_a_short_form_is_a_warning()
    {
        var report = Validate("long_label");

        var warning = Assert.Single(report.Warnings, i => i.Rule == "long-label-without-short");
        Assert.Equal(11, warning.Line);
        Assert.Contains("(fr)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_translations_are_listed_per_choice_and_content_item()
    {
        // Every real item has every locale: the fake keeps system_educator_band in English and French only.
        var report = Validate("missing_translation", new FakeContentRepository(onlyIn: new Dictionary<string, string[]> { ["system_educator_band"] = ["en", "fr"] }));
        var labels = report.Errors.Where(i => i.Rule == "missing-locale" && i.Message.StartsWith("Label", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, labels.Count);
        Assert.Contains(labels, i => i.Line == 10 && i.Message.Contains("tl", StringComparison.Ordinal) && !i.Message.Contains("fr", StringComparison.Ordinal));
        Assert.Contains(labels, i => i.Line == 11 && i.Message.Contains("fr, es, tl", StringComparison.Ordinal));
        // system_educator_band exists in en and fr only here: the flow asks for es and tl too.
        Assert.Contains(report.Errors, i => i.Rule == "missing-locale" && i.Message.Contains("system_educator_band", StringComparison.Ordinal)
            && i.Message.Contains("es, tl", StringComparison.Ordinal) && i.Subject!.EndsWith("/ask", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_errors_name_the_line_and_step_and_stop_that_file()
    {
        var report = Validate("schema_error");
        var issue = report.Errors.First(i => i.Rule == "schema");
        output.WriteLine(report.ToString());
        Assert.Equal(("bad_kind/shouting", 10), (issue.Subject, issue.Line));
        Assert.Contains("/steps/1/kind", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Errors, i => i.Rule == "unknown-target");
    }

    [Fact]
    public void Unknown_content_flow_need_service_intent_and_duplicates_are_all_reported_at_once()
    {
        var report = Validate("unknown_references");
        output.WriteLine(report.ToString());
        var rules = report.Errors.Select(i => (i.Rule, i.Subject?.Split('/').ElementAtOrDefault(1))).ToList();
        Assert.Contains(("unknown-content", "show_missing"), rules);
        Assert.Contains(("unknown-flow", "call_missing"), rules);
        Assert.Contains(("unknown-need", "services_missing"), rules);
        Assert.Contains(("unknown-service", "by_id"), rules);
        Assert.Contains(report.Errors, i => i.Rule == "unknown-intent" && i.Line == 5);
        Assert.Contains(report.Errors, i => i.Rule == "duplicate-flow" && i.Message.Contains("dangling.yaml:2", StringComparison.Ordinal));
        Assert.Contains(report.Errors, i => i.Rule == "file-name" && i.File.EndsWith("wrong_file_name.yaml", StringComparison.Ordinal));
        Assert.Contains(report.Errors, i => i.Rule == "missing-flow" && i.Subject == "main_menu");
    }

    [Fact]
    public void Beside_blocks_and_over_topic_name_real_notes_lines_and_modules_and_belong_to_crisis_flows()
    {
        var report = Validate("beside");
        Assert.Contains(report.Errors, i => i.Rule == "unknown-content" && i.Line == 4 && i.Message.Contains("no_such_beside_note", StringComparison.Ordinal));
        Assert.Contains(report.Errors, i => i.Rule == "unknown-service" && i.Line == 4 && i.Message.Contains("no_such_beside_line", StringComparison.Ordinal));
        var outside = report.Errors.Where(i => i.Rule == "beside-outside-crisis").ToList();
        Assert.Equal(2, outside.Count);
        Assert.All(outside, i => Assert.EndsWith("topic_with_beside.yaml", i.File, StringComparison.Ordinal));
        // A crisis category without a beside block while crisis answers add them: it would add nothing, a warning.
        var silent = Assert.Single(report.Warnings, i => i.Rule == "no-beside");
        Assert.EndsWith("crisis_labour_exploitation.yaml", silent.File, StringComparison.Ordinal);
        // The modules a crisis may open a topic of must be module flows.
        Assert.Contains(report.Errors, i => i.Rule == "unknown-flow" && i.Message.Contains("'no_such_module'", StringComparison.Ordinal));
        // beside_except names crisis categories, on a step that adds what is raised beside (nav24).
        Assert.Contains(report.Errors, i => i.Rule == "unknown-category" && i.Message.Contains("'no_such_category'", StringComparison.Ordinal));
        Assert.Contains(report.Errors, i => i.Rule == "beside-except-without-beside" && i.Subject != null && i.Subject.Contains("numbers_without_beside", StringComparison.Ordinal));
    }

    [Fact]
    public void Startup_fails_fast_with_every_error()
    {
        var dir = Prepare("unknown_references");
        var e = Assert.Throws<FlowValidationException>(() =>
            Loading.EngineFactory.Create(dir, Paths.Seeds, new FakeContentRepository(), new FakeServiceDirectory()));
        Assert.Contains("no_such_content", e.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_service", e.Message, StringComparison.Ordinal);
        Assert.True(e.Report.Errors.Count >= 6);
    }

    [Fact]
    public void Mermaid_graph_has_every_step_and_edge()
    {
        var graph = MermaidGraph.Render(Paths.Dialogs, "worker_rights");
        output.WriteLine(graph);
        Assert.StartsWith("flowchart TD", graph, StringComparison.Ordinal);
        Assert.Contains("selfcheck_result{", graph, StringComparison.Ordinal);
        Assert.Contains("selfcheck_result -->|\"value.documents = yes or value.leave = no", graph, StringComparison.Ordinal);
        Assert.Contains("topics -->|\"done\"| end_", graph, StringComparison.Ordinal);
        Assert.Contains("report -->|\"profile.region set\"| report_services", graph, StringComparison.Ordinal);
    }

    private ValidationReport Validate(string fixture, FakeContentRepository? content = null)
    {
        var report = FlowValidator.Validate(Prepare(fixture), content ?? new FakeContentRepository(), new FakeServiceDirectory(), Paths.Intents);
        output.WriteLine(report.ToString());
        return report;
    }

    private static ValidationIssue Single(ValidationReport report, string rule) => Assert.Single(report.Errors, i => i.Rule == rule);

    /// <summary>A temporary dialogs/ folder with the fixture's flows and the real schema.</summary>
    private string Prepare(string fixture)
    {
        var dir = Path.Combine(Path.GetTempPath(), "awarenessbot-fixture-" + Guid.NewGuid().ToString("N"), "dialogs");
        Directory.CreateDirectory(Path.Combine(dir, "schema"));
        File.Copy(Path.Combine(Paths.Dialogs, "schema", "flow.schema.json"), Path.Combine(dir, "schema", "flow.schema.json"));
        foreach (var file in Directory.EnumerateFiles(Paths.TestData(Path.Combine("Fixtures", fixture))))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        _temp.Add(Path.GetDirectoryName(dir)!);
        return dir;
    }

    public void Dispose()
    {
        foreach (var dir in _temp) Directory.Delete(dir, recursive: true);
    }
}
