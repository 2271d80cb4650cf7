namespace AwarenessBot.Rendering;

/// <summary>Splits a message that is too long for the channel at paragraph, then sentence, then word boundaries.</summary>
internal static class MessageSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return [text];
        }

        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxLength)
        {
            var window = rest[..maxLength];
            var cut = LastBoundary(window);
            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    private static int LastBoundary(ReadOnlySpan<char> window)
    {
        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph > window.Length / 2)
        {
            return paragraph;
        }

        var sentence = window.LastIndexOfAny(".!?");
        if (sentence > window.Length / 2)
        {
            return sentence + 1;
        }

        var space = window.LastIndexOf(' ');
        return space > 0 ? space : window.Length;
    }
}
