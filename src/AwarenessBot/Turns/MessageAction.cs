namespace AwarenessBot.Turns;

/// <summary>What pressing a button does (the Activity protocol's card action types the renderers use).</summary>
internal enum MessageActionType
{
    /// <summary>Sends <see cref="MessageAction.Value"/> as the person's message.</summary>
    ImBack,

    /// <summary>Sends <see cref="MessageAction.Text"/> and <see cref="MessageAction.Value"/>, showing <see cref="MessageAction.DisplayText"/>.</summary>
    MessageBack,

    /// <summary>Dials the tel: URI in <see cref="MessageAction.Value"/>.</summary>
    Call,

    /// <summary>Opens the URL (or sms: URI) in <see cref="MessageAction.Value"/>.</summary>
    OpenUrl,
}

/// <summary>A button: a suggested action or a hero card's button.</summary>
internal sealed record MessageAction(MessageActionType Type, string Title, string Value)
{
    public string? Text { get; init; }

    public string? DisplayText { get; init; }
}
