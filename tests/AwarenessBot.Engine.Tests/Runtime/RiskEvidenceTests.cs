using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Runtime;

namespace AwarenessBot.Engine.Tests.Runtime;

/// <summary>Evidence spread over messages: halves each message, raises one check-in, keeps numbers only.</summary>
public sealed class RiskEvidenceTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Two_middling_messages_in_a_row_raise_a_check_in_on_the_second()
    {
        var session = new DialogSessionState();

        Assert.Null(RiskEvidence.Accumulate(session, Message(("child_sexual_exploitation", 0.5))));
        var raised = RiskEvidence.Accumulate(session, Message(("child_sexual_exploitation", 0.6)));

        Assert.NotNull(raised);
        Assert.Equal("child_sexual_exploitation", raised.Category);
        Assert.Equal(CrisisSignal.CheckIn, raised.Severity);
        Assert.Equal("conversation", raised.Rule);
        Assert.Null(session.RiskEvidence); // answered: the category starts again from nothing
    }

    [Fact]
    public void Evidence_fades_so_far_apart_messages_do_not_add_up()
    {
        var session = new DialogSessionState();
        RiskEvidence.Accumulate(session, Message(("self_harm", 0.5)));
        RiskEvidence.Accumulate(session, Message());
        RiskEvidence.Accumulate(session, Message());

        Assert.Equal(0.125, session.RiskEvidence!["self_harm"], 3);
        Assert.Null(RiskEvidence.Accumulate(session, Message(("self_harm", 0.6))));
    }

    [Fact]
    public void A_weak_last_message_does_not_raise_on_old_evidence_alone()
    {
        var session = new DialogSessionState();
        RiskEvidence.Accumulate(session, Message(("immediate_danger", 0.7)));

        Assert.Null(RiskEvidence.Accumulate(session, Message(("immediate_danger", 0.2))));
    }

    [Fact]
    public void A_message_that_raised_its_own_crisis_resets_that_category()
    {
        var session = new DialogSessionState();
        RiskEvidence.Accumulate(session, Message(("labour_exploitation", 0.5)));

        var input = Message(("labour_exploitation", 1.0)) with { Crisis = new CrisisSignal("labour_exploitation", CrisisSignal.High) };

        Assert.Null(RiskEvidence.Accumulate(session, input));
        Assert.Null(session.RiskEvidence);
    }

    private static TurnInput Message(params (string Category, double Score)[] scores) =>
        new(TurnKind.Message, "text", "webchat", null, null, null, Now)
        {
            RiskScores = scores.ToDictionary(s => s.Category, s => s.Score),
        };
}
