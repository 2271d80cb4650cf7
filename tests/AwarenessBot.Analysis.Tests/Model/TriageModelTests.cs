using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Model.Training;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Model;

public sealed class TriageModelTests
{
    [Theory]
    [InlineData("i want to kill myself")]
    [InlineData("thinking about suicide tonight")]
    [InlineData("i want to die")]
    public void Tiny_model_finds_self_harm(string text)
    {
        var prediction = TinyCorpus.Model.Predict(TinyCorpus.Normalize(text));

        Assert.True(prediction.Probability(TriageClass.SelfHarm) > 0.5f, $"self_harm {prediction.Probability(TriageClass.SelfHarm)}");
        Assert.True(prediction.Probability(TriageClass.None) < 0.5f);
    }

    [Theory]
    [InlineData("what time is the bus")]
    [InlineData("my cat likes pizza")]
    [InlineData("where is the library")]
    public void Tiny_model_leaves_everyday_messages_alone(string text)
    {
        var prediction = TinyCorpus.Model.Predict(TinyCorpus.Normalize(text));

        Assert.True(prediction.Probability(TriageClass.None) > 0.5f, $"none {prediction.Probability(TriageClass.None)}");
        Assert.True(prediction.Probability(TriageClass.SelfHarm) < 0.5f);
    }

    [Fact]
    public void Probabilities_are_one_per_class_in_the_fixed_order()
    {
        var prediction = TinyCorpus.Model.Predict("hello");

        Assert.Equal(TriageClasses.Count, prediction.Probabilities.Count);
        Assert.All(prediction.Probabilities, p => Assert.InRange(p, 0f, 1f));
        Assert.Equal(["none", "immediate_danger", "self_harm", "child_sexual_exploitation", "labour_exploitation"], TriageClasses.Names);
    }

    [Fact]
    public void Explanation_returns_ngrams_of_the_message()
    {
        const string Text = "i think about suicide";

        var explanation = TinyCorpus.Model.Explain(Text, TriageClass.SelfHarm, top: 5);

        Assert.NotEmpty(explanation);
        Assert.All(explanation, c =>
        {
            Assert.True(c.Weight > 0);
            Assert.Contains(c.Text.Trim('<', '>'), Text, StringComparison.Ordinal);
        });
        Assert.Contains(explanation, c => c.Text.Length >= 3 && "<suicide>".Contains(c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Severity_follows_the_thresholds()
    {
        var model = TinyCorpus.Model.WithThresholds([TriageThresholds.Never, new(0.99f, 0.98f), new(0.6f, 0.2f), new(0.99f, 0.98f), new(0.99f, 0.98f)]);

        var danger = model.Predict("i want to kill myself tonight");
        var calm = model.Predict("the weather is nice");

        Assert.Equal(TriageClass.SelfHarm, danger.Class);
        Assert.Equal(TriageSeverity.High, danger.Severity);
        Assert.Equal(TriageSeverity.None, calm.Severity);
        Assert.Equal(TriageClass.None, calm.Class);
    }

    [Fact]
    public void Shipped_model_loads_with_calibrated_thresholds()
    {
        // Load time is measured by bench/Micro (TriageModelBenchmarks), not here: tests run in Debug, in parallel.
        var model = TriageModel.FromSeeds(Seeds.Directory);

        Assert.Equal(new TriageTrainingOptions().Features, model.Settings);
        Assert.Equal(TriageThresholds.Never, model.Thresholds(TriageClass.None));
        Assert.All(TriageClasses.Risks, risk =>
        {
            var t = model.Thresholds(risk);
            Assert.InRange(t.CheckIn, 0f, 1f);
            Assert.True(t.CheckIn <= t.High);
        });
    }
}

public sealed class TriageModelRegistrationTests
{
    [Fact]
    public async Task The_local_analyzer_loads_the_model_at_start_up_and_uses_it()
    {
        using var host = AnalysisHost.Create(new Dictionary<string, string?>());
        await host.StartAsync();

        var analyzer = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AwarenessBot.Analysis.Local.LocalTextAnalyzer>(host.Services);

        Assert.True(analyzer.HasModel);
        Assert.Equal(4, analyzer.Analyze("hello").RiskScores.Count);
    }
}
