using AwarenessBot.Analysis.Lexicons;
using AwarenessBot.Analysis.Local;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Lexicons;

/// <summary>Broken triage data must stop start-up with messages that name the file and the entry — all of them at once.</summary>
public sealed class LexiconValidationTests : IDisposable
{
    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "awarenessbot-triage-" + Guid.NewGuid().ToString("N"));

    public LexiconValidationTests()
    {
        CopyFolder(Path.Combine(Seeds.Directory, "triage"), Path.Combine(_seeds, "triage"));
        CopyFolder(Path.Combine(Seeds.Directory, "lexicons", "language"), Path.Combine(_seeds, "lexicons", "language"));
    }

    [Fact]
    public void The_real_seeds_are_valid()
    {
        var analyzer = LocalTextAnalyzer.FromSeeds(Seeds.Directory);

        Assert.Equal(["en", "es", "fr", "tl"], analyzer.Locales);
        Assert.True(analyzer.RuleCount >= 30);
        Assert.True(analyzer.PatternCount >= 4000);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_file()
    {
        Edit("triage/frames.yaml", "all: [FEE, [WORK, EMPLOYER, WORKER]]", "all: [FEES, [WORK, EMPLOYER, WORKER]]");
        Edit("triage/frames.yaml", "category: self_harm, severity: check_in, all: [SELF_HARM_WEAK]", "category: self_harm, severity: urgent, all: [SELF_HARM_WEAK]");
        Edit("triage/concepts/fr.yaml", "  FEAR:", "  PEUR:");

        var error = Assert.Throws<LexiconValidationException>(() => LocalTextAnalyzer.FromSeeds(_seeds));

        Assert.Contains(error.Errors, e => e.Contains("triage/frames.yaml", StringComparison.Ordinal) && e.Contains("unknown concept 'FEES'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("unknown severity 'urgent'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("concepts/fr.yaml", StringComparison.Ordinal) && e.Contains("FEAR is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void The_model_settings_of_frames_are_checked()
    {
        Edit("triage/frames.yaml", "high_only: { safe_now: all, lesson: all }", "high_only: { safe_later: all, laughter: [grief] }");
        Edit("triage/frames.yaml", "gates: [laughter, hyperbole, fiction, question, safe_now, self_inflicted], model_veto: false }", "gates: [laughter, hyperbole, fiction, question, safe_now, self_inflicted], model_veto: never }");
        Edit("triage/frames.yaml", "softened_by: [workplace], yields_to_model: self_harm }", "softened_by: [workplace], yields_to_model: immediate_danger }");

        var error = Assert.Throws<LexiconValidationException>(() => LocalTextAnalyzer.FromSeeds(_seeds));

        Assert.Contains(error.Errors, e => e.Contains("high_only names an unknown gate 'safe_later'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("high_only.laughter names an unknown category 'grief'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("model_veto 'never'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("danger.threat_to_kill yields_to_model 'immediate_danger'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_stem_languages_are_checked()
    {
        Edit("triage/frames.yaml", "stem_languages: { identified_above: 0.8, mixed_in: [en], own_words: { es:", "stem_languages: { identified_above: 1.5, mixed_in: [en, ar], own_words: { en: [he], ar: [x], es:");

        var error = Assert.Throws<LexiconValidationException>(() => LocalTextAnalyzer.FromSeeds(_seeds));

        Assert.Contains(error.Errors, e => e.Contains("stem_languages.identified_above", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("stem_languages.mixed_in names 'ar'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("stem_languages.own_words names 'en'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("stem_languages.own_words names 'ar'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_slang_key_in_two_languages_is_refused()
    {
        Edit("triage/normalization.yaml", "    pis: [puis]", "    pis: [puis]\n    rn: [maintenant]");

        var error = Assert.Throws<LexiconValidationException>(() => LocalTextAnalyzer.FromSeeds(_seeds));

        Assert.Contains(error.Errors, e => e.Contains("slang.fr 'rn'", StringComparison.Ordinal) && e.Contains("slang.en", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_names_the_file_and_line()
    {
        Edit("triage/concepts/es.yaml", "concepts:", "concepts: [");

        var error = Assert.Throws<LexiconValidationException>(() => LocalTextAnalyzer.FromSeeds(_seeds));

        Assert.Contains(error.Errors, e => e.Contains("es.yaml", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_seeds, recursive: true);

    private void Edit(string relative, string find, string replace)
    {
        var path = Path.Combine(_seeds, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
