using AwarenessBot.Analysis.Normalization;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Normalization;

/// <summary>
/// The one-edit corrector serves the rules' concepts only: the model reads the text before correction (what it was
/// trained on), and words people really write are not turned into rule words.
/// </summary>
public sealed class SpellingAndModelInputTests
{
    [Fact]
    public void The_model_reads_the_words_as_written_while_concepts_get_the_correction()
    {
        var message = Seeds.Rules.Normalizer.Normalize("i keep thinking about sucide");

        Assert.Equal("i keep thinking about suicide", message.Joined);
        Assert.Equal("i keep thinking about sucide", message.ModelInput);
        // The concept classes found on the corrected words follow, for the model's concept features.
        Assert.StartsWith(message.ModelInput + " §", Seeds.Analyzer.ModelText("i keep thinking about sucide"), StringComparison.Ordinal);
        Assert.Contains(" §SELF_HARM", Seeds.Analyzer.ModelText("i keep thinking about sucide"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("writing")] // not "waiting"
    [InlineData("saying")] // not "paying"
    [InlineData("sasakyan")] // a car, not "sasaktan" (will hurt)
    [InlineData("matanda")] // old, not "matando" (killing)
    public void Words_people_really_write_are_not_corrected_into_rule_words(string word)
    {
        Assert.Equal(word, Seeds.Rules.Normalizer.Normalize(word).Joined);
    }

    [Fact]
    public void A_note_being_written_is_read_as_written()
    {
        Assert.Equal("i am writing my note now", Seeds.Rules.Normalizer.Normalize("im writing my note now").Joined);
    }

    [Fact]
    public void Corpus_words_are_kept_when_common_beside_their_rule_word_and_typos_are_not()
    {
        // The corrector as the hand-made known words leave it: "saying" → paying, "sucide" → suicide.
        var normalizer = Frames.TriageRulesLoader.Load(Seeds.Directory, withCorpusKnownWords: false).Normalizer;
        Assert.Equal("paying", normalizer.Speller.Correct("saying"));
        Assert.Equal("suicide", normalizer.Speller.Correct("sucide"));
        var corpus = Enumerable.Repeat("he keeps saying it", 4)
            .Concat(Enumerable.Repeat("they are paying us less", 6))
            .Concat(Enumerable.Repeat("i think about suicide", 20))
            .Concat(Enumerable.Repeat("sucide thoughts again", 3));

        var kept = CorpusKnownWords.Find(corpus, normalizer);

        Assert.Contains("saying", kept); // 4 lines beside 6: a word
        Assert.DoesNotContain("sucide", kept); // 3 lines beside 20: a typo, still corrected
    }
}
