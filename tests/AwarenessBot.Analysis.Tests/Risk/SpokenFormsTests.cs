using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Risk;

/// <summary>
/// Stop 36: the elided "j'" of spoken French, "I'd rather die" said beside another risk, and a Spanish verb that is an
/// English pronoun. The examples are ours, not lines of an evaluation split.
/// </summary>
public sealed class SpokenFormsTests
{
    [Theory]
    // "j'veux", "j'vais m'tuer": the apostrophe split "j" from its verb, and the rules say "je".
    [InlineData("j'veux mourir")]
    [InlineData("j'vais m'tuer ce soir")]
    public void Spoken_french_je_reads_as_je(string text)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal(RiskCategory.SelfHarm, answered?.Category);
        Assert.NotEqual(RiskSignal.ModelRule, answered?.RuleId);
    }

    [Theory]
    // Rather dying than living with what happened: a frame names self-harm, so its answer (with the suicide line) comes
    // first, whatever else the message says.
    [InlineData("i lost my job and the agency fee and i would rather die than tell my family")]
    [InlineData("tout le monde a vu la photo, j'aime mieux crever que retourner à l'école")]
    [InlineData("mas gusto ko pang mamatay kesa harapin sila")]
    public void Rather_dying_is_self_harm(string text)
    {
        Assert.Equal(RiskCategory.SelfHarm, Seeds.Analyzer.Analyze(text).Strongest?.Category);
    }

    [Fact]
    public void Spanish_he_is_no_english_he()
    {
        var rules = Seeds.Analyzer.ExplainFrames("mi hermano tiene una navaja y no sé qué he hecho mal").ToList();

        Assert.DoesNotContain(rules, line => line.TrimStart().StartsWith("AGENT ", StringComparison.Ordinal));
        Assert.Contains(rules, line => line.TrimStart().StartsWith("WEAPON ", StringComparison.Ordinal));
    }
}
