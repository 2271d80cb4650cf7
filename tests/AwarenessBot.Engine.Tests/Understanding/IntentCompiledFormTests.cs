using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>
/// The intents catalog's compiled form kept between starts (<see cref="IntentCompiledForm"/> in the
/// <see cref="CompiledFormCache"/>): a start that reads it must match every message exactly as one that compiled.
/// </summary>
public sealed class IntentCompiledFormTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "awarenessbot-intents-compiled-" + Guid.NewGuid().ToString("N"));
    private readonly string _intents = Path.Combine(Path.GetTempPath(), "awarenessbot-intents-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_catalog_read_from_the_kept_form_is_the_compiled_catalog_and_matches_alike()
    {
        var words = MessageWords.Load(Paths.Seeds);
        var cache = CompiledFormCache.Open(_cache);
        var compiled = IntentCatalog.Load(Paths.Intents, words, CompiledFormCache.Open("off"));
        var first = IntentCatalog.Load(Paths.Intents, words, cache);
        Assert.Single(KeptEntries());
        var kept = IntentCatalog.Load(Paths.Intents, words, cache);

        foreach (var catalog in new[] { first, kept })
        {
            AssertSame(compiled, catalog);
        }

        var expected = new IntentMatcher(compiled);
        var actual = new IntentMatcher(kept);
        var texts = compiled.Phrases.Select(p => p.Text)
            .Concat(["My BOSS took my pasport!", "el mayordomo no me paga", "ok gracias", "mi patron no me paga", "i dont speak french, english pls", "13 na ako"])
            .ToList();
        Assert.True(texts.Count > 2000);
        foreach (var text in texts)
        {
            foreach (var locale in new string?[] { null, "en", "fr" })
            {
                Assert.Equal(expected.Match(text, locale), actual.Match(text, locale));
            }
        }
    }

    [Fact]
    public void The_fold_only_catalog_is_kept_apart_and_reads_back_alike()
    {
        var cache = CompiledFormCache.Open(_cache);
        var compiled = IntentCatalog.Load(Paths.Intents, null, CompiledFormCache.Open("off"));
        _ = IntentCatalog.Load(Paths.Intents, MessageWords.Load(Paths.Seeds), cache);
        _ = IntentCatalog.Load(Paths.Intents, null, cache);
        Assert.Equal(2, KeptEntries().Length);

        var kept = IntentCatalog.Load(Paths.Intents, null, cache);
        AssertSame(compiled, kept);
        Assert.Same(MessageWords.FoldOnly, kept.Words);
    }

    [Fact]
    public void A_torn_or_foreign_entry_is_compiled_again()
    {
        var words = MessageWords.Load(Paths.Seeds);
        var cache = CompiledFormCache.Open(_cache);
        var compiled = IntentCatalog.Load(Paths.Intents, words, cache);
        var entry = Assert.Single(KeptEntries());
        var text = File.ReadAllText(entry);

        foreach (var damaged in new[] { text[..(text.Length / 2)], "awarenessbot-intents-compiled/0\n{}", text.Replace("\"count\":", "\"count\":1", StringComparison.Ordinal) })
        {
            File.WriteAllText(entry, damaged);
            var again = IntentCatalog.Load(Paths.Intents, words, cache);

            AssertSame(compiled, again);
            // Compiled again and kept again, whole.
            Assert.Equal(text, File.ReadAllText(entry));
        }
    }

    [Fact]
    public void An_edited_file_or_other_rules_are_a_miss_and_a_file_that_does_not_load_keeps_nothing()
    {
        Directory.CreateDirectory(_intents);
        foreach (var file in Directory.GetFiles(Paths.Intents, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_intents, Path.GetFileName(file)));
        }

        var words = MessageWords.Load(Paths.Seeds);
        var cache = CompiledFormCache.Open(_cache);
        var before = IntentCatalog.Load(_intents, words, cache);
        var en = Path.Combine(_intents, "en.yaml");
        File.WriteAllText(en, File.ReadAllText(en).Replace("intents:\n", "intents:\n  perf_probe_intent:\n    phrases: [quokka marmalade]\n", StringComparison.Ordinal));

        var edited = IntentCatalog.Load(_intents, words, cache);
        Assert.DoesNotContain("perf_probe_intent", before.Intents);
        Assert.Contains("perf_probe_intent", edited.Intents);
        Assert.Contains("perf_probe_intent", edited.FoldedIntentNames);
        Assert.Equal(2, KeptEntries().Length);

        File.WriteAllText(en, "locale: en\nintents: [not, a, mapping\n");
        Assert.ThrowsAny<Exception>(() => IntentCatalog.Load(_intents, words, cache));
        Assert.Equal(2, KeptEntries().Length);
    }

    private static void AssertSame(IntentCatalog expected, IntentCatalog actual)
    {
        Assert.Same(expected.Words, actual.Words);
        Assert.Equal(expected.Phrases.Count, actual.Phrases.Count);
        for (var i = 0; i < expected.Phrases.Count; i++)
        {
            var (e, a) = (expected.Phrases[i], actual.Phrases[i]);
            Assert.Equal((e.Intent, e.Locale, e.Text), (a.Intent, a.Locale, a.Text));
            Assert.Equal(e.Tokens, a.Tokens);
        }

        Assert.Equal(expected.Exact.ToList(), actual.Exact.ToList());
        Assert.Equal(expected.StopWords.ToList(), actual.StopWords.ToList());
        Assert.Equal(expected.QuestionWords.ToList(), actual.QuestionWords.ToList());
        Assert.Equal(expected.Intents.ToList(), actual.Intents.ToList());
        Assert.Equal(expected.FoldedIntentNames.ToList(), actual.FoldedIntentNames.ToList());
        Assert.Equal(expected.SameWords.Entries.Count, actual.SameWords.Entries.Count);
        for (var i = 0; i < expected.SameWords.Entries.Count; i++)
        {
            Assert.Equal(expected.SameWords.Entries[i].Locale, actual.SameWords.Entries[i].Locale);
            Assert.Equal(expected.SameWords.Entries[i].Words, actual.SameWords.Entries[i].Words);
            Assert.Equal(expected.SameWords.Entries[i].Meaning, actual.SameWords.Entries[i].Meaning);
        }

        var (el, al) = (expected.Languages, actual.Languages);
        Assert.Equal(el.Written.ToList(), al.Written.ToList());
        Assert.Equal(el.Read.ToList(), al.Read.ToList());
        Assert.Equal(el.MixesWith.ToList(), al.MixesWith.ToList());
        Assert.Equal(el.AnyLanguageIntents.ToList(), al.AnyLanguageIntents.ToList());
        Assert.Equal(el.SharedWords.ToList(), al.SharedWords.ToList());
        Assert.Equal(el.Negations.ToList(), al.Negations.ToList());
        Assert.Equal(el.LanguageRequests.Order(StringComparer.Ordinal), al.LanguageRequests.Order(StringComparer.Ordinal));
        Assert.Equal(el.HyphenPrefixes.Order(StringComparer.Ordinal), al.HyphenPrefixes.Order(StringComparer.Ordinal));
        Assert.NotEmpty(al.LanguageRequests);
        Assert.NotEmpty(al.HyphenPrefixes);
    }

    private string[] KeptEntries() =>
        Directory.Exists(_cache) ? Directory.GetFiles(_cache, "*." + IntentCompiledForm.Kind, SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        foreach (var folder in new[] { _cache, _intents })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
