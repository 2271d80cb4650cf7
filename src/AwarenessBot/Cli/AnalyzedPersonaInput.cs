using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Evaluation.Conversations;
using AwarenessBot.Turns;

namespace AwarenessBot.Cli;

/// <summary>
/// A persona's message as the bot receives it: a turn on the persona's channel, analysed by the text analyzer
/// (language, crisis signals) and turned into the engine's input by the turn runner's own <see cref="TurnInputFactory"/>.
/// </summary>
internal sealed class AnalyzedPersonaInput(ITextAnalyzer analyzer, DateTimeOffset now) : IPersonaInput
{
    public async ValueTask<TurnInput> InputAsync(string channelId, string? text, CancellationToken cancellationToken)
    {
        var turn = new ChannelTurn(text is null ? TurnKind.ConversationStart : TurnKind.Message, channelId, "persona", "persona", null) { Text = text };
        var analysis = text is null ? null : await analyzer.AnalyzeAsync(text, null, cancellationToken).ConfigureAwait(false);

        // A message of only spaces is no turn at the edge; the engine's empty-message answer stands in for it.
        return TurnInputFactory.From(turn, analysis, now)
            ?? new TurnInput(TurnKind.Message, "", channelId, null, null, null, now);
    }
}
