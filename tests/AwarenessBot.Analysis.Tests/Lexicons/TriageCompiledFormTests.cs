using System.Text.Json;
using AwarenessBot.Analysis.Frames;
using AwarenessBot.Analysis.Lexicons;
using AwarenessBot.Analysis.Tests.Support;
using AwarenessBot.Analysis.Triage;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Analysis.Tests.Lexicons;

/// <summary>
/// The triage lexicons' compiled form kept between starts (<see cref="TriageCompiledForm"/> in the
/// <see cref="CompiledFormCache"/>): a start that reads it must analyse every message exactly as one that compiled.
/// </summary>
public sealed class TriageCompiledFormTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "awarenessbot-compiled-" + Guid.NewGuid().ToString("N"));
    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "awarenessbot-triage-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Rules_read_from_the_kept_form_analyse_the_corpus_as_compiled_rules_do()
    {
        var cache = CompiledFormCache.Open(_cache);
        var compiled = TriageRulesLoader.Load(Seeds.Directory, withCorpusKnownWords: true, CompiledFormCache.Open("off"));
        var first = TriageRulesLoader.Load(Seeds.Directory, withCorpusKnownWords: true, cache);
        Assert.Single(KeptEntries());
        var kept = TriageRulesLoader.Load(Seeds.Directory, withCorpusKnownWords: true, cache);

        foreach (var rules in new[] { first, kept })
        {
            Assert.Equal(compiled.EntryCount, rules.EntryCount);
            Assert.Equal(compiled.Locales, rules.Locales);
            Assert.Equal(compiled.Concepts.ConceptNames, rules.Concepts.ConceptNames);
        }

        var texts = CorpusTexts().ToList();
        Assert.True(texts.Count > 5000);
        var expected = new TriageDetector(compiled, model: null);
        var actual = new TriageDetector(kept, model: null);
        foreach (var text in texts)
        {
            Assert.Equal(compiled.Normalizer.Normalize(text).ModelInput, kept.Normalizer.Normalize(text).ModelInput);
            Assert.Equal(expected.Explain(text), actual.Explain(text));
            var (signals, scores) = expected.Detect(text);
            var (keptSignals, keptScores) = actual.Detect(text);
            Assert.Equal(signals, keptSignals);
            Assert.Equal(scores, keptScores);
        }
    }

    [Fact]
    public void A_torn_or_foreign_entry_is_compiled_again()
    {
        var cache = CompiledFormCache.Open(_cache);
        var compiled = TriageRulesLoader.Load(Seeds.Directory, withCorpusKnownWords: true, cache);
        var entry = Assert.Single(KeptEntries());
        var text = File.ReadAllText(entry);

        foreach (var damaged in new[] { text[..(text.Length / 2)], "awarenessbot-triage-compiled/0\n{}", text.Replace("\"count\":", "\"count\":1", StringComparison.Ordinal) })
        {
            File.WriteAllText(entry, damaged);
            var again = TriageRulesLoader.Load(Seeds.Directory, withCorpusKnownWords: true, cache);

            Assert.Equal(compiled.EntryCount, again.EntryCount);
            Assert.Equal(compiled.Normalizer.Normalize("sucide knfie pasport").ModelInput, again.Normalizer.Normalize("sucide knfie pasport").ModelInput);
            // Compiled again and kept again, whole.
            Assert.Equal(text, File.ReadAllText(entry));
        }
    }

    [Fact]
    public void An_edited_concept_file_is_compiled_again_and_a_load_with_errors_keeps_nothing()
    {
        CopyFolder(Path.Combine(Seeds.Directory, "triage"), Path.Combine(_seeds, "triage"));
        var cache = CompiledFormCache.Open(_cache);
        var before = TriageRulesLoader.Load(_seeds, withCorpusKnownWords: true, cache);
        var fr = Path.Combine(_seeds, "triage", "concepts", "fr.yaml");
        File.WriteAllText(fr, File.ReadAllText(fr).Replace("  FEAR:", "  PEUR:", StringComparison.Ordinal));

        var error = Assert.Throws<LexiconValidationException>(() => TriageRulesLoader.Load(_seeds, withCorpusKnownWords: true, cache));
        Assert.Contains(error.Errors, e => e.Contains("FEAR is missing", StringComparison.Ordinal));
        Assert.Single(KeptEntries());

        File.WriteAllText(fr, File.ReadAllText(fr).Replace("  PEUR: [peur,", "  FEAR: [peur, zzqq mot nouveau,", StringComparison.Ordinal));
        var edited = TriageRulesLoader.Load(_seeds, withCorpusKnownWords: true, cache);
        Assert.Equal(before.EntryCount + 1, edited.EntryCount);
        Assert.Equal(2, KeptEntries().Count);
    }

    [Fact]
    public void The_written_form_reads_back_to_the_same_form()
    {
        var form = new TriageCompiledForm(
            ["FEAR", "KNIFE"],
            ["en", "fr"],
            [new ConceptEntry(1, "fr", [new EntryElement(ElementKind.Stem, "couteau")]), new ConceptEntry(0, "en", [new EntryElement(ElementKind.Exact, "scared"), new EntryElement(ElementKind.Prefix, "terrif")])],
            ["couteau", "scared"],
            ["skill", "\"quoted\" \u00e9"]);

        var read = TriageCompiledForm.TryRead(form.Write());

        Assert.NotNull(read);
        Assert.Equal(form.Names, read.Names);
        Assert.Equal(form.Locales, read.Locales);
        Assert.Equal(form.Vocabulary, read.Vocabulary);
        Assert.Equal(form.Known, read.Known);
        Assert.Equal(form.Entries.Select(e => (e.Concept, e.Locale, string.Join('|', e.Elements))), read.Entries.Select(e => (e.Concept, e.Locale, string.Join('|', e.Elements))));
    }

    private List<string> KeptEntries() =>
        Directory.Exists(Path.Combine(_cache, "parsed"))
            ? [.. Directory.GetFiles(Path.Combine(_cache, "parsed"), "*." + TriageCompiledForm.Kind)]
            : [];

    private static IEnumerable<string> CorpusTexts()
    {
        foreach (var file in new[] { "dev.jsonl", "test.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(Seeds.Directory, "corpus", "triage", file)))
            {
                if (line.Length > 0)
                {
                    yield return JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;
                }
            }
        }
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

    public void Dispose()
    {
        foreach (var folder in new[] { _cache, _seeds })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
