using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Model.Training;

namespace AwarenessBot.Analysis.Tests.Model;

public sealed class TextClassifierTests
{
    private static readonly NamedText[] Lines =
    [
        .. new[] { "my boss took my passport", "employer keeps my papers", "they hold my work permit", "he has my passport in his office" }
            .Select(t => new NamedText(t, "worker_passport")),
        .. new[] { "they did not pay me", "no salary for two months", "my wages are late", "boss pays less than promised" }
            .Select(t => new NamedText(t, "worker_pay")),
        .. new[] { "i need a place to sleep tonight", "somewhere safe to stay", "a shelter near me", "nowhere to live" }
            .Select(t => new NamedText(t, "need_shelter")),
    ];

    private static readonly TextClassifier Model = TextClassifierTrainer.Train(Lines, TinyCorpus.Normalize, TinyCorpus.Options);

    [Fact]
    public void Learns_classes_named_by_the_data_and_generalises_to_new_wording()
    {
        Assert.Equal(["need_shelter", "worker_passport", "worker_pay"], Model.ClassNames);
        Assert.Equal("worker_passport", Model.Predict("the employer kept my passport").Name);
        Assert.Equal("worker_pay", Model.Predict("no pay for two months").Name);
        Assert.Equal("need_shelter", Model.Predict("need a safe place to sleep").Name);
    }

    [Fact]
    public void Probabilities_sum_to_one_and_the_threshold_decides_acceptance()
    {
        Assert.Equal(1f, Model.Probabilities("my passport").Sum(), 3);
        var strict = Model.WithAcceptThreshold(0.999f, "strict");
        var lenient = Model.WithAcceptThreshold(0.01f, "lenient");
        Assert.False(strict.Predict("hello there").Accepted);
        Assert.True(lenient.Predict("hello there").Accepted);
        var guess = lenient.Predict("boss took my passport");
        Assert.InRange(guess.Margin, 0f, guess.Probability);
    }

    [Fact]
    public void Round_trip_keeps_names_thresholds_and_predictions_and_training_is_reproducible()
    {
        var model = Model.WithAcceptThreshold(0.6f, "calibrated");

        var loaded = TextClassifier.FromBytes(model.ToBytes(), "memory");

        Assert.Equal(model.ClassNames, loaded.ClassNames);
        Assert.Equal("calibrated", loaded.Description);
        Assert.Equal(0.6f, loaded.AcceptThreshold(2));
        Assert.Equal(model.Probabilities("they kept my papers"), loaded.Probabilities("they kept my papers"));
        Assert.Equal(Model.ToBytes(), TextClassifierTrainer.Train(Lines, TinyCorpus.Normalize, TinyCorpus.Options).ToBytes());
    }

    [Fact]
    public void A_triage_file_is_not_read_as_a_classifier_nor_the_reverse()
    {
        var triage = TriageModelFile.ToBytes(TinyCorpus.Model);
        Assert.Contains("scoring scheme", Assert.Throws<InvalidDataException>(() => TextClassifier.FromBytes(triage, "triage")).Message);
        Assert.Contains("not a triage model", Assert.Throws<InvalidDataException>(() => TriageModelFile.FromBytes(Model.ToBytes(), "intents")).Message);
    }

    [Fact]
    public void Training_needs_two_classes()
    {
        Assert.Throws<ArgumentException>(() => TextClassifierTrainer.Train([new NamedText("hi", "greeting")], TinyCorpus.Normalize, TinyCorpus.Options));
    }
}
