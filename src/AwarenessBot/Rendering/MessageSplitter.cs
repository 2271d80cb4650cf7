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
        var half = window.Length / 2;
        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph > half)
        {
            return paragraph;
        }

        // A line break keeps a numbered choice ("2. Yes") whole; prefer it to the "." after its number.
        var line = window.LastIndexOf('\n');
        if (line > half)
        {
            return line;
        }

        var sentence = LastSentenceEnd(window);
        if (sentence > half)
        {
            return sentence;
        }

        var space = window.LastIndexOf(' ');
        return space > 0 ? space : window.Length;
    }

    /// <summary>The index just after ".", "!" or "?" followed by whitespace: a dot inside a URL is not an end.</summary>
    private static int LastSentenceEnd(ReadOnlySpan<char> window)
    {
        for (var i = window.Length - 2; i >= 0; i--)
        {
            if (window[i] is '.' or '!' or '?' && char.IsWhiteSpace(window[i + 1]))
            {
                return i + 1;
            }
        }

        return -1;
    }
}
