using AwarenessBot.Analysis.Lexicons;
using AwarenessBot.Analysis.Local;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Lexicons;

/// <summary>A broken lexicon must stop start-up with messages that name the file and the entry.</summary>
public sealed class LexiconValidationTests : IDisposable
{
    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "awarenessbot-lexicon-" + Guid.NewGuid().ToString("N"));

    public LexiconValidationTests()
    {
        Directory.CreateDirectory(Path.Combine(_seeds, "schema"));
        Directory.CreateDirectory(Path.Combine(_seeds, "lexicons", "risk"));
        Directory.CreateDirectory(Path.Combine(_seeds, "lexicons", "language"));
        File.Copy(Path.Combine(Seeds.Directory, "schema", "risk-lexicon.schema.json"), Path.Combine(_seeds, "schema", "risk-lexicon.schema.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(Seeds.Directory, "lexicons", "language")))
        {
            File.Copy(file, Path.Combine(_seeds, "lexicons", "language", Path.GetFileName(file)));
        }
    }

    [Fact]
    public void The_real_seeds_are_valid()
    {
        var analyzer = LocalTextAnalyzer.FromSeeds(Seeds.Directory);

        Assert.Equal(["en", "es", "fr", "tl"], analyzer.Locales);
        Assert.True(analyzer.RuleCount >= 40);
    }

    [Fact]
    public void Schema_error_names_file_and_rule_id()
    {
        Write("en", Rule("en.danger.x", "immediate_danger", "urgent", "hurt me"));

        var error = Assert.Throws<LexiconValidationException>(() => RiskLexiconLoader.Load(_seeds));

        Assert.Contains(error.Errors, e => e.Contains("lexicons/risk/en.yaml", StringComparison.Ordinal)
            && e.Contains("rules[0] (id 'en.danger.x')", StringComparison.Ordinal) && e.Contains("/rules/0/severity", StringComparison.Ordinal));
    }

    [Fact]
    public void Pattern_error_names_file_entry_and_pattern()
    {
        Write("en", Rule("en.danger.x", "immediate_danger", "high", "(hurt|kill me"));

        var error = Assert.Throws<LexiconValidationException>(() => RiskLexiconLoader.Load(_seeds));

        Assert.Contains(error.Errors, e => e.StartsWith("lexicons/risk/en.yaml: entry 'en.danger.x' pattern 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_ids_name_both_files_and_every_error_is_reported_at_once()
    {
        Write("en", Rule("en.danger.x", "immediate_danger", "high", "hurt me"));
        Write("fr", Rule("en.danger.x", "immediate_danger", "high", "me frapper"));

        var error = Assert.Throws<LexiconValidationException>(() => RiskLexiconLoader.Load(_seeds));

        Assert.Contains(error.Errors, e => e.Contains("lexicons/risk/fr.yaml: entry 'en.danger.x': duplicate id (first defined in lexicons/risk/en.yaml)", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("lexicons/risk/fr.yaml: entry 'en.danger.x': id must start with 'fr.'", StringComparison.Ordinal));
    }

    [Fact]
    public void Locale_must_match_file_name_and_english_is_required()
    {
        File.WriteAllText(Path.Combine(_seeds, "lexicons", "risk", "es.yaml"), Rule("fr.danger.x", "immediate_danger", "high", "me pega").Replace("LOCALE", "fr", StringComparison.Ordinal));

        var error = Assert.Throws<LexiconValidationException>(() => RiskLexiconLoader.Load(_seeds));

        Assert.Contains(error.Errors, e => e.Contains("lexicons/risk/es.yaml: locale 'fr' does not match the file name 'es'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("en.yaml is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_names_file_and_line()
    {
        Write("en", "locale: en\nrules: [\n  - id: x\n");

        var error = Assert.Throws<LexiconValidationException>(() => RiskLexiconLoader.Load(_seeds));

        Assert.Contains(error.Errors, e => e.StartsWith("lexicons/risk/en.yaml: line ", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_seeds, recursive: true);

    /// <summary>A one-rule lexicon whose locale is set by <see cref="Write"/> from the file it goes to.</summary>
    private static string Rule(string id, string category, string severity, string pattern) =>
        $"locale: LOCALE\nstatus: draft\nlast_reviewed: \"2026-11-28\"\nrules:\n  - id: {id}\n    category: {category}\n    severity: {severity}\n    patterns: [\"{pattern}\"]\n";

    private void Write(string locale, string yaml) =>
        File.WriteAllText(Path.Combine(_seeds, "lexicons", "risk", locale + ".yaml"), yaml.Replace("LOCALE", locale, StringComparison.Ordinal));
}
