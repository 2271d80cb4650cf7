using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Tests.Fakes;

namespace AwarenessBot.Engine.Tests.Runtime;

/// <summary>A conversation with the test engine, for assertions beyond response keys.</summary>
internal sealed class Conversation(IDialogEngine? engine = null, string channel = "webchat", string? channelLocale = null)
{
    private readonly IDialogEngine _engine = engine ?? TestEngine.Engine;

    public DialogSessionState Session { get; } = new();
    public UserProfileState Profile { get; } = new();

    public TurnResult Start() => Run(new TurnInput(TurnKind.ConversationStart, null, channel, channelLocale, null, null, TestEngine.Now));

    public TurnResult Say(string text, string? detected = null, CrisisSignal? crisis = null) =>
        Run(new TurnInput(TurnKind.Message, text, channel, channelLocale, detected, crisis, TestEngine.Now));

    public TurnResult Run(TurnInput input) => _engine.RunTurn(input, Session, Profile);

    /// <summary>Welcome as a worker in English with no province, ending at the main menu.</summary>
    public Conversation AtMainMenu(string language = "1", string audience = "2")
    {
        Start();
        Say(language);
        Say(audience);
        if (audience == "1") Say("3");
        Say("skip");
        return this;
    }
}
