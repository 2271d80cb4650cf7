using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>
/// The data load reads seeds/intents once: the engine's catalog (the seeds' normaliser) also gives the names a
/// fold-only reading gives, which the flow checks use. They must be exactly the fold-only catalog's.
/// </summary>
public sealed class IntentCatalogReadOnceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"awarenessbot-intents-once-{Guid.NewGuid():N}");

    [Fact]
    public void The_engine_catalog_of_the_real_seeds_gives_the_fold_only_catalogs_names()
    {
        var engine = IntentCatalog.Load(Paths.Intents, MessageWords.Load(Paths.Seeds));
        var foldOnly = IntentCatalog.Load(Paths.Intents);

        Assert.NotSame(MessageWords.FoldOnly, engine.Words);
        Assert.Equal(foldOnly.Intents.Order(StringComparer.Ordinal), engine.FoldedIntentNames.Order(StringComparer.Ordinal));
        Assert.Equal(foldOnly.Intents.Order(StringComparer.Ordinal), foldOnly.FoldedIntentNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Phrases_without_words_and_whole_message_words_sharing_a_key_give_the_fold_only_names()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "en.yaml"), """
            locale: en
            stop_words: [the]
            intents:
              punctuation_only:
                phrases: ["?!", "..."]
              stop_words_only:
                phrases: [the]
              first_exact:
                exact: ["Stop!"]
              second_exact:
                exact: [stop]
              plain:
                phrases: [i need help with school]
            """);
        var engine = IntentCatalog.Load(_folder, MessageWords.Load(Paths.Seeds));
        var foldOnly = IntentCatalog.Load(_folder);

        Assert.Equal(foldOnly.Intents.Order(StringComparer.Ordinal), engine.FoldedIntentNames.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("punctuation_only", engine.FoldedIntentNames);
        Assert.DoesNotContain("first_exact", engine.FoldedIntentNames); // "stop!" and "stop" share the folded key; the later wins
        Assert.Contains("second_exact", engine.FoldedIntentNames);
        Assert.Contains("stop_words_only", engine.FoldedIntentNames);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
