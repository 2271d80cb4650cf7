using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Risk;

/// <summary>
/// Stop 37: being sold, said outright ("partner is selling me to his friends"), is the exploitation answer even where the
/// model reads too few such lines to agree (cse.sold, no model veto). Selling a thing to the writer is not. Our examples,
/// not lines of an evaluation split.
/// </summary>
public sealed class BeingSoldTests
{
    [Theory]
    [InlineData("my partner is selling me to his friends")]
    [InlineData("he sold me to a guy in toronto")]
    [InlineData("mi novio me vende a sus amigos")]
    [InlineData("mon chum me vend à ses amis")]
    [InlineData("binebenta nya ako sa mga kaibigan nya")]
    public void Being_sold_is_the_exploitation_answer(string text)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal(RiskCategory.ChildSexualExploitation, answered?.Category);
        Assert.Equal(RiskSeverity.High, answered?.Severity);
        Assert.Equal("cse.sold", answered?.RuleId);
    }

    [Theory]
    [InlineData("hes selling me his old ps4")]
    [InlineData("el dueño me vende la comida muy cara")]
    [InlineData("il me vend son vieux vélo")]
    [InlineData("what is it called when a pimp is selling someone to other men")]
    public void Selling_a_thing_or_asking_about_it_is_no_frame(string text)
    {
        Assert.DoesNotContain(Seeds.Analyzer.Analyze(text).Signals, s => s.RuleId == "cse.sold");
    }
}
