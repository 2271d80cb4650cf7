namespace AwarenessBot.Content.Readability;

/// <summary>
/// A cheap test that lets the web-address regexes be skipped on text that cannot contain an address.
/// Those regexes try a match at every word and dominated content validation time; most messages have no address.
/// </summary>
internal static class AddressPrefilter
{
    /// <summary>
    /// False only when no address pattern can match: every pattern needs either "://" or a dot directly followed by
    /// a letter (".ca", ".com", ...), in any case. A true result says nothing; the regex still decides.
    /// </summary>
    public static bool MayContainAddress(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        for (var dot = text.IndexOf('.', StringComparison.Ordinal); dot >= 0 && dot < text.Length - 1; dot = text.IndexOf('.', dot + 1))
        {
            if (char.IsLetter(text[dot + 1]))
            {
                return true;
            }
        }

        return false;
    }
}
