namespace AwarenessBot.Analysis.Language;

/// <summary>
/// Character n-gram (1–3) naive Bayes over profiles built once from <c>seeds/lexicons/language/&lt;locale&gt;.txt</c>.
/// Accents are kept (é, ñ, ç are strong clues). Confidence is the posterior of the best language scaled down for
/// short messages, so "hi" or "ok" come back well under 0.5.
/// </summary>
internal sealed class LanguageIdentifier
{
    public const string LanguageFolder = "lexicons/language";
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
        var folder = Path.Combine(seedsDirectory, LanguageFolder);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length < 2)
        {
            throw new Lexicons.LexiconValidationException([$"{LanguageFolder}/ needs a training text per language (found {files.Length})"]);
        }

        var locales = files.Select(Path.GetFileNameWithoutExtension).ToArray()!;
        var counts = files.Select(f => Count(File.ReadAllText(f))).ToArray();
        var vocabulary = counts.SelectMany(c => c.Keys).Distinct().ToArray();
        var table = new Dictionary<long, float[]>(vocabulary.Length);
        var unseen = new float[locales.Length];
        for (var l = 0; l < locales.Length; l++)
        {
            // Add-half smoothing per n-gram order would be finer; one shared denominator is enough for four languages.
            double total = counts[l].Values.Sum() + (0.5 * vocabulary.Length);
            unseen[l] = (float)Math.Log(0.5 / total);
            foreach (var key in vocabulary)
            {
                if (!table.TryGetValue(key, out var row))
                {
                    table[key] = row = new float[locales.Length];
                }

                row[l] = (float)Math.Log((counts[l].GetValueOrDefault(key) + 0.5) / total);
            }
        }

        return new LanguageIdentifier(locales!, table, unseen);
    }

    public (string Language, double Confidence) Identify(string text)
    {
        Span<double> scores = stackalloc double[_locales.Length];
        var letters = 0;
        var grams = 0;
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
                grams++;
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

    private static long Key(ReadOnlySpan<char> gram)
    {
        long key = gram.Length;
        foreach (var c in gram)
        {
            key = (key << 16) | c;
        }

        return key;
    }

    private static Dictionary<long, int> Count(string training)
    {
        var counts = new Dictionary<long, int>();
        foreach (var word in training.ToLowerInvariant().Split(' ', '\n', '\r', '\t'))
        {
            var letters = new string([.. word.Where(char.IsLetter)]);
            if (letters.Length == 0)
            {
                continue;
            }

            var padded = " " + letters + " ";
            for (var order = 1; order <= MaxOrder; order++)
            {
                for (var i = 0; i + order <= padded.Length; i++)
                {
                    var gram = padded.AsSpan(i, order);
                    if (order == 1 && gram[0] == ' ')
                    {
                        continue;
                    }

                    var key = Key(gram);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }
}
