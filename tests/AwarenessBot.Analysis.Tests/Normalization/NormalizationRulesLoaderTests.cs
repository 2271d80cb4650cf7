using AwarenessBot.Analysis.Lexicons;
using AwarenessBot.Analysis.Normalization;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Normalization;

public sealed class NormalizationRulesLoaderTests
{
    [Fact]
    public void Real_rules_load_with_merged_slang()
    {
        var rules = NormalizationRulesLoader.Load(Seeds.Directory);

        Assert.Equal('o', rules.Leet['0']);
        Assert.Equal("pills", rules.Emoji["💊"]);
        Assert.Equal(["kill", "myself"], rules.Slang["kms"]);
        Assert.Equal(["je", "suis"], rules.Slang["chu"]);
        Assert.True(rules.LongestSlangKey >= 2);
        Assert.Equal("i am thinking about kill myself", new MessageNormalizer(rules).Normalize("im thinking about kms").Joined);
    }

    [Theory]
    [InlineData("high river AB", "placename ab")]
    [InlineData("i live in Yellowknife", "i live in placename")]
    [InlineData("we work near Slave Lake", "we work near placename")]
    public void Listed_place_names_become_one_neutral_word(string text, string expected)
    {
        Assert.Equal(expected, new MessageNormalizer(NormalizationRulesLoader.Load(Seeds.Directory)).Normalize(text).Joined);
        Assert.Null(Seeds.Analyzer.Analyze(text).Strongest); // a town is not a river, a knife or slavery
    }

    [Theory]
    [InlineData("i moved from alberta to BC where can i get help", "i moved from alberta to bc where can i get help")]
    [InlineData("any shelters in bc", "any shelters in bc")]
    [InlineData("i just moved to bc", "i just moved to bc")]
    [InlineData("nasa bc ako ngayon", "nasa bc ako ngayon")]
    [InlineData("i cant bc he took my phone", "i can not because he took my phone")]
    [InlineData("I CANT BC HE TOOK MY PHONE", "i can not because he took my phone")]
    public void Bc_is_british_columbia_in_capitals_after_in_or_at_the_end_and_because_otherwise(string text, string expected)
    {
        Assert.Equal(expected, new MessageNormalizer(NormalizationRulesLoader.Load(Seeds.Directory)).Normalize(text).Joined);
    }

    [Fact]
    public void A_name_in_capitals_must_be_a_one_word_slang_key()
    {
        const string Yaml = "slang:\n  en:\n    bc: [because]\nnames_in_capitals: [bc, ab]\n";

        var error = Assert.Throws<LexiconValidationException>(() => NormalizationRulesLoader.Parse(Yaml, "test.yaml"));

        Assert.Contains(error.Errors, e => e.Contains("names_in_capitals 'ab'", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Errors, e => e.Contains("'bc'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_place_that_is_already_a_slang_key_is_an_error()
    {
        const string Yaml = "slang:\n  en:\n    kms: [kill, myself]\nplaces: [kms]\n";

        var error = Assert.Throws<LexiconValidationException>(() => NormalizationRulesLoader.Parse(Yaml, "test.yaml"));

        Assert.Contains(error.Errors, e => e.Contains("places 'kms'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_in_two_locales_is_an_error_naming_both()
    {
        const string Yaml = "slang:\n  en:\n    pls: [please]\n  fr:\n    pls: [s, il, vous, plait]\n";

        var error = Assert.Throws<LexiconValidationException>(() => NormalizationRulesLoader.Parse(Yaml, "test.yaml"));

        Assert.Contains(error.Errors, e => e.Contains("slang.fr 'pls'", StringComparison.Ordinal) && e.Contains("slang.en", StringComparison.Ordinal));
    }

    [Fact]
    public void Leet_entries_must_be_single_characters()
    {
        var error = Assert.Throws<LexiconValidationException>(() => NormalizationRulesLoader.Parse("leet: { \"0\": oo }\n", "test.yaml"));

        Assert.Contains(error.Errors, e => e.Contains("leet '0'", StringComparison.Ordinal));
    }

    [Fact]
    public void Longest_slang_key_counts_words()
    {
        var rules = NormalizationRulesLoader.Parse("slang:\n  fr:\n    \"a soir\": [ce, soir]\n    \"qu est ce\": [quoi]\n", "test.yaml");

        Assert.Equal(3, rules.LongestSlangKey);
    }
}
