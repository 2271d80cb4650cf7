using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Tests.Runtime;

/// <summary>
/// A follow-up answered beside a weak signal (DialogEngine.FollowUpBesideWeakSignal) reports no triage to the page:
/// "je veux pas que mes parents sachent" after the CSE answer gets its answer, and the banner does not turn into the
/// self-harm one the model read into it. A frame's check-in still interrupts and is reported.
/// </summary>
public sealed class FollowUpTriageTests
{
    private static Conversation AfterTheCseAnswer()
    {
        var c = new Conversation();
        c.Start();
        c.Say("fr");
        var answer = c.Say("un gars menace de publier mes photos si je paye pas", crisis: new CrisisSignal("child_sexual_exploitation", CrisisSignal.High) { Rule = "cse.sextortion", ByFrame = true });
        Assert.Equal("system_crisis_child_sexual_exploitation", answer.Replies[0].ResponseKey);
        Assert.Equal("child_sexual_exploitation", answer.Triage?.Category);
        return c;
    }

    [Fact]
    public void A_follow_up_beside_the_models_weak_signal_reports_no_triage()
    {
        var c = AfterTheCseAnswer();

        var result = c.Say("je veux pas que mes parents sachent", "fr", new CrisisSignal("self_harm", CrisisSignal.CheckIn) { Rule = "model", ByFrame = false });

        Assert.Equal("followup_found_out", result.Replies[0].ResponseKey);
        Assert.Null(result.Triage);
    }

    [Fact]
    public void A_frames_check_in_still_interrupts_and_is_reported()
    {
        var c = AfterTheCseAnswer();

        var result = c.Say("je veux pas que mes parents sachent", "fr", new CrisisSignal("self_harm", CrisisSignal.CheckIn) { Rule = "sh.test", ByFrame = true });

        Assert.NotEqual("followup_found_out", result.Replies[0].ResponseKey);
        Assert.Equal(("self_harm", CrisisSignal.CheckIn), (result.Triage?.Category, result.Triage?.Severity));
    }

    [InlineData("parent", "parent_overview", "parent_guide")]
    [InlineData("teacher", "educator_overview", "educator_guide")]
    [Theory]
    public void A_parents_situation_at_the_childs_age_question_opens_the_topic_not_a_guide(string who, string overviewKey, string guidePrefix)
    {
        var c = new Conversation();
        c.Start();
        c.Say("English");
        var overview = c.Say(who);
        Assert.Contains(overview.Replies, r => r.ResponseKey == overviewKey);

        var result = c.Say("my daughter is 13 and a man online keeps messaging her", "en", new CrisisSignal("child_sexual_exploitation", CrisisSignal.CheckIn) { Rule = "model", ByFrame = false, ThirdPerson = true });

        Assert.DoesNotContain(result.Replies, r => r.ResponseKey.StartsWith(guidePrefix, StringComparison.Ordinal));
        Assert.Contains(result.Replies, r => r.ResponseKey.StartsWith("grooming", StringComparison.Ordinal));
    }
}
