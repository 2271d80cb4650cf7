using AwarenessBot.Engine.Runtime;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;
using AwarenessBot.Engine.Validation;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>system_stop (model_guess_max_words: 3) opens on the model's guess alone only for a short message.</summary>
public sealed class ModelGuessLengthTests
{
    private static readonly Lazy<IntentRouter> Router = new(() =>
    {
        var (report, flows) = FlowValidator.Run(Paths.Dialogs, null, null, Paths.Intents);
        Assert.True(report.IsValid, report.ToString());
        return new IntentRouter(new FlowCatalog(flows, new FakeContentRepository(), IntentCatalog.Load(Paths.Intents)));
    });

    [Fact]
    public void The_models_guess_of_stop_does_not_end_the_conversation()
    {
        // "what if I stop paying" read as "stop" by the model alone had ended the chat.
        var guessed = new IntentMatch("stop", IntentMatcher.Threshold + 0.9, IntentModelOpinion.Phrase, "*");

        Assert.Null(Router.Value.Choose([guessed], null, words: ["what", "if", "i", "stop", "paying"]));
    }

    [Fact]
    public void The_models_guess_of_a_short_goodbye_ends_it()
    {
        var guessed = new IntentMatch("stop", IntentMatcher.Threshold + 0.9, IntentModelOpinion.Phrase, "*");

        Assert.Equal("system_stop", Router.Value.Choose([guessed], null, words: ["ok", "bye"])?.Flow?.Id);
    }

    [Fact]
    public void Stop_typed_by_the_person_ends_it()
    {
        var typed = new IntentMatch("stop", IntentMatcher.ExactScore, "stop", "en") { Complete = true, WordsFound = 1 };

        Assert.Equal("system_stop", Router.Value.Choose([typed], null)?.Flow?.Id);
    }

    private static readonly Lazy<IntentMatcher> Matcher = new(() =>
        new IntentMatcher(IntentCatalog.Load(Paths.Intents), endingIntents: new HashSet<string>(StringComparer.Ordinal) { "stop" }));

    /// <summary>
    /// nav29: the length guard counted words, not meaning; a question of three words or fewer the model read as "stop"
    /// ended the chat. A question mark or a question word keeps the model's guess of stop from ending it.
    /// </summary>
    [Theory]
    [InlineData("can i stop?")]
    [InlineData("¿me puedo ir")]
    [InlineData("what if i leave")]
    public void The_models_guess_of_stop_in_a_question_is_dropped(string text)
    {
        var guessed = new IntentMatch("stop", IntentMatcher.Threshold + 0.9, IntentModelOpinion.Phrase, "*");
        var tokens = Matcher.Value.Catalog.Words.Tokens(text);

        Assert.DoesNotContain(Matcher.Value.WithoutEndingGuessInAQuestion([guessed], text, tokens), m => m.Intent == "stop");
    }

    [Fact]
    public void A_short_goodbye_and_stop_typed_in_a_question_still_end_it()
    {
        var guessed = new IntentMatch("stop", IntentMatcher.Threshold + 0.9, IntentModelOpinion.Phrase, "*");
        var typed = new IntentMatch("stop", IntentMatcher.ExactScore, "stop", "en") { Complete = true, WordsFound = 1 };

        Assert.Single(Matcher.Value.WithoutEndingGuessInAQuestion([guessed], "ok bye", ["ok", "bye"]));
        Assert.Single(Matcher.Value.WithoutEndingGuessInAQuestion([typed], "stop?", ["stop"]));
    }
}
