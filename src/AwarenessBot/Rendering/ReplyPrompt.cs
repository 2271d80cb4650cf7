using System.Globalization;

namespace AwarenessBot.Rendering;

/// <summary>
/// "Reply 1, 2 or 3" in the reply's language. This is channel chrome (like a button), not content, so it lives
/// with the renderer; the words are marked for translator review in the README's translation notes.
/// </summary>
internal static class ReplyPrompt
{
    public static string For(string locale, int count)
    {
        var numbers = count switch
        {
            1 => "1",
            _ => string.Join(", ", Enumerable.Range(1, count - 1).Select(n => n.ToString(CultureInfo.InvariantCulture)))
                + Or(locale) + count.ToString(CultureInfo.InvariantCulture),
        };
        return locale switch
        {
            "fr" => $"Réponds {numbers}.",
            "es" => $"Responde {numbers}.",
            "tl" => $"Sumagot ng {numbers}.",
            _ => $"Reply {numbers}.",
        };
    }

    private static string Or(string locale) => locale switch
    {
        "fr" => " ou ",
        "es" => " o ",
        "tl" => " o ",
        _ => " or ",
    };
}
