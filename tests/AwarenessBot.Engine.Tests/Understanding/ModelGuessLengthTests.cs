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
}
