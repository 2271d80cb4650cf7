using AwarenessBot.Turns;

namespace AwarenessBot.Rendering;

/// <summary>The message every renderer starts from.</summary>
internal static class RenderedMessage
{
    /// <summary>A message in the reply's language that takes any answer; renderers add buttons and the input hint.</summary>
    public static OutgoingMessage Create(string text, string locale, string responseKey, bool markdown) => new()
    {
        Text = text,
        Locale = locale,
        TextFormat = markdown ? MessageTextFormat.Markdown : MessageTextFormat.Plain,
        ChannelData = new MessageChannelData { ResponseKey = responseKey },
        InputHint = MessageInputHint.AcceptingInput,
    };
}
