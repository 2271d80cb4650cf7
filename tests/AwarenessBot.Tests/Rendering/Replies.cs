using AwarenessBot.Engine.Abstractions;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.Rendering;

/// <summary>Small engine replies for renderer tests (test text, not content).</summary>
internal static class Replies
{
    public static BotReply WithChoices(int count, string locale = "en", string text = "Pick one.") =>
        new("test_menu", text, [.. Enumerable.Range(1, count).Select(n => new ReplyChoice($"Option {n}", $"option_{n}"))], locale);

    public static BotReply Text(string text, string locale = "en") => new("test_text", text, [], locale);

    public static string ResponseKey(Activity activity) =>
        ((Newtonsoft.Json.Linq.JObject)activity.ChannelData).Value<string>("responseKey")!;
}
