using System.Globalization;

namespace AwarenessBot.Rendering;

/// <summary>
/// "Reply 1, 2 or 3" (or "a number from 1 to 14" for long lists) in the reply's language. This is channel chrome,
/// like a button, so it lives with the renderer. Draft wording; fr, es and tl are draft translations.
/// </summary>
internal static class ReplyPrompt
{
    private const int ListedNumbers = 3;

    public static string For(string locale, int count)
    {
        var n = count.ToString(CultureInfo.InvariantCulture);
        if (count > ListedNumbers)
        {
            return locale switch
            {
                "fr" => $"Réponds avec un numéro de 1 à {n}.",
                "es" => $"Responde con un número del 1 al {n}.",
                "tl" => $"Sumagot ng numero mula 1 hanggang {n}.",
                _ => $"Reply with a number from 1 to {n}.",
            };
        }

        var numbers = count == 1
            ? "1"
            : string.Join(", ", Enumerable.Range(1, count - 1).Select(i => i.ToString(CultureInfo.InvariantCulture))) + Or(locale) + n;
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
        "es" or "tl" => " o ",
        _ => " or ",
    };
}
