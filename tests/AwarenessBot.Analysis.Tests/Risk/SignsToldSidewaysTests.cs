using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Risk;

/// <summary>
/// Risks told without the usual words (stop 35's frames), and the harmless lines that share those words. The examples
/// are ours, not lines of an evaluation split.
/// </summary>
public sealed class SignsToldSidewaysTests
{
    [Theory]
    // Cannot call because someone would hear (danger.overheard).
    [InlineData("cant call rn he would hear me", RiskCategory.ImmediateDanger)]
    [InlineData("je peux pas appeler, il va m'entendre", RiskCategory.ImmediateDanger)]
    [InlineData("di ako makatawag, baka marinig nya", RiskCategory.ImmediateDanger)]
    // A warning not to leave beside a weapon, and not coming back alive (danger.weapon_if_leave, threat on my life).
    [InlineData("he put the knife on the table and said dont even think about leaving", RiskCategory.ImmediateDanger)]
    [InlineData("dice que si no junto el dinero no voy a salir viva de aqui", RiskCategory.ImmediateDanger)]
    // Choking someone is violence.
    [InlineData("mi padrastro le está apretando el cuello a mi mamá ahorita, ayuda", RiskCategory.ImmediateDanger)]
    // Wanting to join someone who died, and goodbyes to everyone (self_harm.join_the_dead, self_harm.farewell).
    [InlineData("mi abuela murió el mes pasado y solo quiero estar con ella otra vez", RiskCategory.SelfHarm)]
    [InlineData("since my dad died i just want to go be with him", RiskCategory.SelfHarm)]
    [InlineData("adieu tout le monde, prenez soin de mon chat", RiskCategory.SelfHarm)]
    [InlineData("paalam sa inyong lahat, alagaan nyo ang pusa ko", RiskCategory.SelfHarm)]
    // Pay that goes to someone else's account (labour.pay_controlled).
    [InlineData("my boss keeps my bank card and my whole paycheque goes into his account", RiskCategory.LabourExploitation)]
    [InlineData("el contratista cobra mi cheque y se queda con mi sueldo", RiskCategory.LabourExploitation)]
    public void A_risk_told_sideways_is_noticed(string text, RiskCategory expected)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal(expected, answered?.Category);
    }

    [Theory]
    // Things kept in a closet or hidden from a sister are not a person hiding; keys forgotten are not confinement.
    [InlineData("i need to hide the presents before my sister gets home")]
    [InlineData("me quedé afuera de la casa, olvidé mis llaves")]
    // A polite answer alone is no sign of anything.
    [InlineData("yes please")]
    [InlineData("oui svp")]
    // Grief without a wish to follow, and a visit to a grave.
    [InlineData("my grandma died last year and we're going to her grave on sunday")]
    public void A_harmless_line_with_the_same_words_raises_nothing(string text)
    {
        Assert.Null(Seeds.Analyzer.Analyze(text).Strongest);
    }
}
