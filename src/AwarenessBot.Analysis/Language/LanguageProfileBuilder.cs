namespace AwarenessBot.Analysis.Language;

/// <summary>Counts character n-grams in each training text once, at load, and turns them into log-probabilities.</summary>
internal static class LanguageProfileBuilder
{
    public const string LanguageFolder = "lexicons/language";

    public static (string[] Locales, Dictionary<long, float[]> LogProbabilities, float[] Unseen) Build(string seedsDirectory, int maxOrder)
    {
        var folder = Path.Combine(seedsDirectory, LanguageFolder);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length < 2)
        {
            throw new Lexicons.LexiconValidationException([$"{LanguageFolder}/ needs a training text per language (found {files.Length})"]);
        }

        var locales = files.Select(f => Path.GetFileNameWithoutExtension(f)).ToArray();
        var counts = files.Select(f => Count(File.ReadAllText(f), maxOrder)).ToArray();
        var vocabulary = counts.SelectMany(c => c.Keys).Distinct().ToArray();
        var table = new Dictionary<long, float[]>(vocabulary.Length);
        var unseen = new float[locales.Length];
        for (var l = 0; l < locales.Length; l++)
        {
            // Add-half smoothing with one shared denominator per language: enough to separate four languages.
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

        return (locales, table, unseen);
    }

    private static Dictionary<long, int> Count(string training, int maxOrder)
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
            for (var order = 1; order <= maxOrder; order++)
            {
                for (var i = 0; i + order <= padded.Length; i++)
                {
                    var gram = padded.AsSpan(i, order);
                    if (order == 1 && gram[0] == ' ')
                    {
                        continue;
                    }

                    var key = LanguageIdentifier.Key(gram);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }
}
