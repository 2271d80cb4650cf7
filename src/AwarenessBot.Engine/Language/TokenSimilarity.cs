namespace AwarenessBot.Engine.Language;

/// <summary>
/// Whether two normalised words are "the same word" for matching: equal; the same stem (one is the other plus a short
/// ending: photo/photos, threaten/threatened, work/worker); or one typo apart for longer words (pasport/passport).
/// </summary>
internal static class TokenSimilarity
{
    public const int BucketLength = 3;

    /// <summary>The most letters a four-letter word may leave off a longer word it is read as.</summary>
    private const int ShortCutMax = 4;

    public static bool Similar(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return true;
        var min = Math.Min(a.Length, b.Length);
        if (min < 4) return false;
        var prefix = CommonPrefix(a, b);
        // The shorter word is a prefix of the longer (photo/photos), or all but its last letter for longer words
        // (trabajo/trabajador); short words must match whole (metis is not metiers).
        var stem = prefix == min || (min >= 6 && prefix >= min - 1);
        // A four-letter word is a cut of a longer one only when little is cut (pics/picture, nude/nudes): "pasa" (it
        // happens) is not "pasaporte", which sent "les pasa a chicos tambien?" and "qué pasa si lo pido" to the passport topic.
        if (stem && prefix >= 4 && Math.Max(a.Length, b.Length) - prefix <= (min == 4 ? ShortCutMax : 6)) return true;
        return min >= 5 && Math.Abs(a.Length - b.Length) <= 1 && WithinOneEdit(a, b);
    }

    public static string Bucket(string token) => token.Length <= BucketLength ? token : token[..BucketLength];

    private static int CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    private static bool WithinOneEdit(string a, string b)
    {
        if (a.Length > b.Length) (a, b) = (b, a);
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length == b.Length)
            {
                // A swap of two neighbours counts as one edit.
                if (i + 1 < a.Length && a[i] == b[j + 1] && a[i + 1] == b[j]) { i += 2; j += 2; continue; }
                i++;
            }
            j++;
        }
        return edits + (b.Length - j) + (a.Length - i) <= 1;
    }
}
