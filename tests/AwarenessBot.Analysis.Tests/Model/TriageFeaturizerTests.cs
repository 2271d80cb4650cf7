using AwarenessBot.Analysis.Model;

namespace AwarenessBot.Analysis.Tests.Model;

public sealed class TriageFeaturizerTests
{
    private static readonly TriageFeaturizer Featurizer = new(TriageFeatureSettings.Default);

    [Fact]
    public void Hash_is_fnv1a_over_kind_byte_and_utf16_and_never_changes()
    {
        // Reference values computed outside .NET (Python): a model file depends on these staying the same forever.
        Assert.Equal(84696351u, FeatureHash.Hash(0, string.Empty));
        Assert.Equal(4243115938u, FeatureHash.Hash(FeatureHash.WordKind, "suicide"));
        Assert.Equal(3908964800u, FeatureHash.Hash(FeatureHash.CharKind, "<su"));
        Assert.Equal(3284056485u, FeatureHash.HashPair("kill", "myself"));
        // The bucket folds the high bits onto the low ones: (h ^ (h >> bits)) & (2^bits - 1).
        var suicide = FeatureHash.Hash(FeatureHash.WordKind, "suicide");
        Assert.Equal(61592, new TriageFeaturizer(new TriageFeatureSettings { BucketBits = 18 }).Bucket(suicide));
        Assert.Equal(53311, new TriageFeaturizer(new TriageFeatureSettings { BucketBits = 19 }).Bucket(suicide));
    }

    [Fact]
    public void Same_text_gives_the_same_buckets_in_every_instance()
    {
        var other = new TriageFeaturizer(new TriageFeatureSettings());

        Assert.Equal(Featurizer.Buckets("he wants money or he sends my pics"), other.Buckets("he wants money or he sends my pics"));
    }

    [Fact]
    public void Features_are_character_ngrams_with_boundaries_words_and_pairs()
    {
        var features = Featurizer.Features("kill me");

        // "<kill>" has 6 marked chars: 5 + 4 + 3 + 2 n-grams of length 2..5; "<me>" has 4: 3 + 2 + 1.
        Assert.Equal(14 + 6, features.Count(f => f.Kind == TriageFeatureKind.CharacterNgram));
        Assert.Contains(features, f => f is { Kind: TriageFeatureKind.CharacterNgram, Text: "<ki" });
        Assert.Contains(features, f => f is { Kind: TriageFeatureKind.CharacterNgram, Text: "ill>" });
        Assert.Contains(features, f => f is { Kind: TriageFeatureKind.Word, Text: "kill" });
        Assert.Contains(features, f => f is { Kind: TriageFeatureKind.WordPair, Text: "kill me" });
        Assert.DoesNotContain(features, f => f.Text.Length > 5 && f.Kind == TriageFeatureKind.CharacterNgram);
    }

    [Fact]
    public void Repeated_words_count_once_per_message()
    {
        Assert.Equal(Featurizer.Buckets("help help"), Featurizer.Buckets("help help help"));
        Assert.Equal(Featurizer.Buckets("help").Length + 1, Featurizer.Buckets("help help").Length); // + the pair "help help"
    }

    [Fact]
    public void Empty_and_blank_messages_have_no_features()
    {
        Assert.Empty(Featurizer.Buckets(string.Empty));
        Assert.Empty(Featurizer.Buckets("   "));
    }

    [Fact]
    public void Buckets_stay_inside_the_table()
    {
        var text = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i}x"));

        Assert.All(Featurizer.Buckets(text), b => Assert.InRange(b, 0, TriageFeatureSettings.Default.Buckets - 1));
    }

    [Fact]
    public void Concept_words_are_features_with_their_pairs_when_the_settings_ask_for_them()
    {
        var concepts = new TriageFeaturizer(TriageFeatureSettings.Default with { Concepts = true });

        var features = concepts.Features("send pics §IMAGE §MONEY §THREAT");

        Assert.Equal(["§IMAGE", "§MONEY", "§THREAT"], features.Where(f => f.Kind == TriageFeatureKind.Concept).Select(f => f.Text));
        Assert.Equal(["§IMAGE §MONEY", "§IMAGE §THREAT", "§MONEY §THREAT"], features.Where(f => f.Kind == TriageFeatureKind.ConceptPair).Select(f => f.Text));
        // A concept word is no word: no character n-grams of it, no pair with the message's last word.
        Assert.DoesNotContain(features, f => f.Kind is TriageFeatureKind.Word or TriageFeatureKind.WordPair or TriageFeatureKind.CharacterNgram && f.Text.Contains('§', StringComparison.Ordinal));
        Assert.Equal(concepts.Features("send pics").Count + 6, features.Count);
    }

    [Fact]
    public void A_model_without_concept_features_reads_concept_words_as_nothing()
    {
        Assert.Equal(Featurizer.Buckets("send pics"), Featurizer.Buckets("send pics §IMAGE §MONEY"));
        Assert.Empty(Featurizer.Buckets("§IMAGE"));
    }
}
