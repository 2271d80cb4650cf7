using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>The shipped intent model (seeds/models/intents.model) beside the phrases.</summary>
public sealed class IntentModelOpinionTests
{
    private static readonly IntentCatalog Catalog = IntentCatalog.Load(Paths.Intents, MessageWords.Load(Paths.Seeds));
    private static readonly IntentModelOpinion Model = IntentModelOpinion.Load(Paths.Seeds, Catalog)
        ?? throw new InvalidOperationException("seeds/models/intents.model is missing: run train-intents");

    [Fact]
    public void The_shipped_model_knows_only_intents_the_engine_has()
    {
        Assert.Empty(Model.UnknownIntents);
    }

    [Fact]
    public void The_model_answers_where_no_phrase_fits()
    {
        const string text = "chu tanné de mon patron, je veux changer de job mais mon permis est fermé";

        var phrasesOnly = new IntentMatcher(Catalog).Match(text);
        var withModel = new IntentMatcher(Catalog, Model).Match(text);

        Assert.NotEqual("worker_change_employer", phrasesOnly.Count > 0 ? phrasesOnly[0].Intent : null);
        Assert.Equal(("worker_change_employer", IntentModelOpinion.Phrase), (withModel[0].Intent, withModel[0].Phrase));
    }

    [Fact]
    public void A_strong_phrase_or_a_complete_expected_answer_is_not_second_guessed()
    {
        var matcher = new IntentMatcher(Catalog, Model);

        Assert.NotEqual(IntentModelOpinion.Phrase, matcher.Match("can my employer keep my passport")[0].Phrase);
        // Inside a crisis answer "ano ang gagawin ko" is the follow-up the step waits for; elsewhere the model reads "help".
        var tokens = Catalog.Words.Tokens("ano ang gagawin ko");
        Assert.Equal("help", matcher.MatchTokens(tokens)[0].Intent);
        var expected = new HashSet<string>(StringComparer.Ordinal) { "followup_what_to_do" };
        Assert.DoesNotContain(matcher.MatchTokens(tokens, expected), m => m.Phrase == IntentModelOpinion.Phrase);
        Assert.DoesNotContain(matcher.MatchTokens(tokens, askModel: false), m => m.Phrase == IntentModelOpinion.Phrase);
    }

    [Fact]
    public void An_expected_answer_that_is_a_small_part_of_the_message_still_lets_the_model_read_it()
    {
        var matcher = new IntentMatcher(Catalog, Model);
        var expected = new HashSet<string>(StringComparer.Ordinal) { "worker_rights" };

        // "mi patron" alone answers "what do you need help with?"; "quiero reportar a mi patron" asks to report him.
        Assert.DoesNotContain(matcher.MatchTokens(Catalog.Words.Tokens("mi patron"), expected), m => m.Phrase == IntentModelOpinion.Phrase);
        Assert.Equal("worker_report", matcher.MatchTokens(Catalog.Words.Tokens("quiero reportar a mi patron"), expected)[0].Intent);
    }

    [Fact]
    public void A_phrase_found_only_in_part_inside_a_longer_message_yields_to_the_model()
    {
        // Two words of "employer has my work permit" are a guess about this question, not its meaning.
        const string text = "can my employer make me work on sundays and holidays too";

        var phrasesOnly = new IntentMatcher(Catalog).Match(text);
        var withModel = new IntentMatcher(Catalog, Model).Match(text);

        // The phrases alone guess from a phrase found in part ("employer has my work permit" without its distinctive
        // "permit" now weighs less than another partial guess).
        Assert.False(phrasesOnly[0].Complete);
        Assert.Equal(IntentModelOpinion.Phrase, withModel[0].Phrase);
        Assert.NotEqual("worker_passport", withModel[0].Intent);
    }
}
