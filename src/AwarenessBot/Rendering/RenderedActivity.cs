using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Rendering;

/// <summary>The message activity every renderer starts from.</summary>
internal static class RenderedActivity
{
    /// <summary>A message in the reply's language; the response key lets tests and analytics name what was said without reading the text.</summary>
    public static Activity Message(string text, string locale, string responseKey, bool markdown)
    {
        var activity = MessageFactory.Text(text);
        activity.Locale = locale;
        activity.TextFormat = markdown ? TextFormatTypes.Markdown : TextFormatTypes.Plain;
        activity.ChannelData = new JObject { ["responseKey"] = responseKey };
        activity.InputHint = InputHints.AcceptingInput;
        return activity;
    }
}
