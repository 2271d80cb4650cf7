using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>A predictable bot for channel and page tests: greets, answers, switches language, raises triage, fails on demand.</summary>
internal sealed class ScriptedBot : ActivityHandler
{
    public const string Greeting = "Hello, I am here to help. What would you like to talk about?";
    public const string SafetyTopic = "Online safety";
    public const string SafetyAnswer = "Here are a few ways to stay safe online.";
    public const string FrenchAnswer = "Très bien, je continue en français.";
    public const string DangerWord = "danger";
    public const string FailWord = "fail";

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient.Id))
        {
            var greeting = MessageFactory.SuggestedActions(new[] { SafetyTopic, "Work rights" }, Greeting, null, null);
            await turnContext.SendActivityAsync(greeting, cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        if (text == FailWord)
        {
            throw new InvalidOperationException("Scripted failure");
        }

        var reply = text switch
        {
            SafetyTopic => MessageFactory.Text(SafetyAnswer),
            "Français" => MessageFactory.Text(FrenchAnswer),
            "English" => MessageFactory.Text("OK, English it is."),
            DangerWord => MessageFactory.Text("You are not alone."),
            _ => MessageFactory.SuggestedActions(new[] { SafetyTopic }, $"You wrote {text.Length} characters.", null, null),
        };
        if (text == "Français")
        {
            reply.Locale = "fr-CA";
        }

        if (text == DangerWord)
        {
            reply.ChannelData = new JObject { ["triage"] = new JObject { ["category"] = "immediate_danger", ["severity"] = "high" } };
        }

        await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}
