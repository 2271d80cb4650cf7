using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace EchoFloor;

/// <summary>
/// Echoes with one suggested action, and like the product reads user state and writes conversation state every
/// turn (BotState only writes what changed, so a counter makes the write real).
/// </summary>
internal sealed class EchoBot(ConversationState conversationState, UserState userState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<FloorSession> _session = conversationState.CreateProperty<FloorSession>("session");
    private readonly IStatePropertyAccessor<FloorProfile> _profile = userState.CreateProperty<FloorProfile>("profile");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var session = await _session.GetAsync(turnContext, () => new FloorSession(), cancellationToken);
        session.Turns++;
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient.Id))
        {
            await turnContext.SendActivityAsync(Reply("hello"), cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var session = await _session.GetAsync(turnContext, () => new FloorSession(), cancellationToken);
        var profile = await _profile.GetAsync(turnContext, () => new FloorProfile(), cancellationToken);
        session.Turns++;
        profile.Locale ??= "en";
        await turnContext.SendActivityAsync(Reply("echo"), cancellationToken);
    }

    private static Activity Reply(string text)
    {
        var reply = MessageFactory.Text(text);
        reply.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "1", value: "1")] };
        return reply;
    }
}

internal sealed class FloorSession
{
    public int Turns { get; set; }
}

internal sealed class FloorProfile
{
    public string? Locale { get; set; }
}
