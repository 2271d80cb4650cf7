namespace AwarenessBot.Analysis.Language;

/// <summary>
/// Character n-gram (1–3) naive Bayes over profiles built once from <c>seeds/lexicons/language/&lt;locale&gt;.txt</c>.
/// Accents are kept (é, ñ, ç are strong clues). Confidence is the posterior of the best language scaled down for
/// short messages, so "hi" or "ok" come back well under 0.5.
/// </summary>
internal sealed class LanguageIdentifier
{
    private const int MaxOrder = 3;

    /// <summary>Messages with fewer letters than this get proportionally lower confidence.</summary>
    private const double FullConfidenceLetters = 15;

    private readonly string[] _locales;
    private readonly Dictionary<long, float[]> _logProbabilities;
    private readonly float[] _unseen;

    private LanguageIdentifier(string[] locales, Dictionary<long, float[]> logProbabilities, float[] unseen)
    {
        _locales = locales;
        _logProbabilities = logProbabilities;
        _unseen = unseen;
    }

    public IReadOnlyList<string> Locales => _locales;

    public static LanguageIdentifier Load(string seedsDirectory)
    {
        var (locales, table, unseen) = LanguageProfileBuilder.Build(seedsDirectory, MaxOrder);
        return new LanguageIdentifier(locales, table, unseen);
    }

    public (string Language, double Confidence) Identify(string text)
    {
        Span<double> scores = stackalloc double[_locales.Length];
        var letters = 0;
        Span<char> window = stackalloc char[MaxOrder];
        var filled = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? char.ToLowerInvariant(text[i]) : ' ';
            var isLetter = char.IsLetter(c);
            if (!isLetter)
            {
                if (filled == 0 || window[filled - 1] == ' ')
                {
                    continue;
                }

                c = ' ';
            }
            else
            {
                letters++;
                if (filled == 0 || window[filled - 1] == ' ')
                {
                    // A new word: n-grams never span words, as in training.
                    filled = 0;
                    Push(window, ref filled, ' ');
                }
            }

            Push(window, ref filled, c);
            for (var order = 1; order <= filled; order++)
            {
                Score(window[(filled - order)..filled], scores);
            }
        }

        if (letters == 0)
        {
            return ("und", 0);
        }

        var best = 0;
        for (var l = 1; l < scores.Length; l++)
        {
            if (scores[l] > scores[best])
            {
                best = l;
            }
        }

        double sum = 0;
        foreach (var score in scores)
        {
            sum += Math.Exp(score - scores[best]);
        }

        var posterior = 1 / sum;
        return (_locales[best], posterior * Math.Min(1, letters / FullConfidenceLetters));
    }

    private void Score(ReadOnlySpan<char> gram, Span<double> scores)
    {
        if (gram.Length == 1 && gram[0] == ' ')
        {
            return;
        }

        var row = _logProbabilities.TryGetValue(Key(gram), out var found) ? found : _unseen;
        for (var l = 0; l < scores.Length; l++)
        {
            scores[l] += row[l];
        }
    }

    private static void Push(Span<char> window, ref int filled, char c)
    {
        if (filled == window.Length)
        {
            window[1..].CopyTo(window);
            filled--;
        }

        window[filled++] = c;
    }

    internal static long Key(ReadOnlySpan<char> gram)
    {
        long key = gram.Length;
        foreach (var c in gram)
        {
            key = (key << 16) | c;
        }

        return key;
    }
}
