using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>
/// A predictable turn runner for channel and page tests: greets, answers, switches language, raises triage, and
/// answers a failed turn with an error message, as the host's runner does (it never throws a failed turn at the channel).
/// </summary>
internal sealed class ScriptedTurnRunner : ITurnRunner
{
    public const string Greeting = "Hello, I am here to help. What would you like to talk about?";
    public const string SafetyTopic = "Online safety";
    public const string SafetyAnswer = "Here are a few ways to stay safe online.";
    public const string FrenchAnswer = "Très bien, je continue en français.";
    public const string DangerWord = "danger";
    public const string FailWord = "fail";
    public const string ErrorText = "Sorry, something went wrong.";

    public Task<IReadOnlyList<OutgoingMessage>> RunAsync(ChannelTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Kind == TurnKind.ConversationStart)
        {
            return Reply(WithButtons(Greeting, SafetyTopic, "Work rights"));
        }

        var text = turn.Text ?? string.Empty;
        return Reply(text switch
        {
            FailWord => Text(ErrorText),
            SafetyTopic => Text(SafetyAnswer),
            "Français" => Text(FrenchAnswer) with { Locale = "fr-CA" },
            "English" => Text("OK, English it is."),
            DangerWord => Text("You are not alone.") with
            {
                ChannelData = new MessageChannelData { Triage = new Engine.Abstractions.CrisisSignal("immediate_danger", "high") },
            },
            _ => WithButtons($"You wrote {text.Length} characters.", SafetyTopic),
        });
    }

    private static Task<IReadOnlyList<OutgoingMessage>> Reply(OutgoingMessage message) => Task.FromResult<IReadOnlyList<OutgoingMessage>>([message]);

    private static OutgoingMessage Text(string text) => new() { Text = text, InputHint = MessageInputHint.AcceptingInput };

    private static OutgoingMessage WithButtons(string text, params string[] choices) => new()
    {
        Text = text,
        InputHint = MessageInputHint.ExpectingInput,
        SuggestedActions = [.. choices.Select(c => new MessageAction(MessageActionType.ImBack, c, c))],
    };
}
