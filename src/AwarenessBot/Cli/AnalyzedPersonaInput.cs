using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.BotFramework;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Evaluation.Conversations;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Cli;

/// <summary>
/// A persona's message as the bot receives it: an Activity on the persona's channel, analysed by the text analyzer
/// (language, crisis signals) and turned into the engine's input by the edge's own <see cref="TurnInputFactory"/>.
/// </summary>
internal sealed class AnalyzedPersonaInput(ITextAnalyzer analyzer, DateTimeOffset now) : IPersonaInput
{
    private static readonly ChannelAccount User = new("persona", "persona", RoleTypes.User);
    private static readonly ChannelAccount Bot = new("awarenessbot", "AwarenessBot", RoleTypes.Bot);

    public async ValueTask<TurnInput> InputAsync(string channelId, string? text, CancellationToken cancellationToken)
    {
        Activity activity;
        TextAnalysis? analysis = null;
        if (text is null)
        {
            activity = (Activity)Activity.CreateConversationUpdateActivity();
            activity.MembersAdded = [User];
        }
        else
        {
            activity = (Activity)Activity.CreateMessageActivity();
            activity.Text = text;
            analysis = await analyzer.AnalyzeAsync(text, null, cancellationToken).ConfigureAwait(false);
        }
        activity.ChannelId = channelId;
        activity.From = User;
        activity.Recipient = Bot;
        // A message of only spaces is no turn at the edge; the engine's empty-message answer stands in for it.
        return TurnInputFactory.From(activity, analysis, now)
            ?? new TurnInput(TurnKind.Message, "", channelId, null, null, null, now);
    }
}
