using AwarenessBot.Analysis.Normalization;
using AwarenessBot.Analysis.Stemming;

namespace AwarenessBot.Analysis.Frames;

/// <summary>
/// Finds every concept in a normalised message, in every language at once (people mix them): each token is stemmed
/// with each language's stemmer and looked up in that language's entries; exact words, prefixes and numbers too.
/// </summary>
internal sealed class ConceptIndex
{
    internal const string MinorSentinel = "qqminorqq";
    internal const string AdultSentinel = "qqadultqq";
    internal const string AmountSentinel = "qqamountqq";

    private readonly string[] _locales;
    private readonly Dictionary<string, List<ConceptEntry>>[] _byStem;
    private readonly Dictionary<string, List<ConceptEntry>> _byExact = new(StringComparer.Ordinal);
    private readonly List<ConceptEntry> _prefixFirst = [];
    private readonly List<ConceptEntry> _numberFirst = [];

    public ConceptIndex(IReadOnlyList<string> conceptNames, IReadOnlyList<string> locales, IEnumerable<ConceptEntry> entries)
    {
        ConceptNames = conceptNames;
        _locales = [.. locales];
        _byStem = [.. _locales.Select(_ => new Dictionary<string, List<ConceptEntry>>(StringComparer.Ordinal))];
        foreach (var entry in entries)
        {
            var first = entry.Elements[0];
            switch (first.Kind)
            {
                case ElementKind.Stem:
                    Add(_byStem[Array.IndexOf(_locales, entry.Locale)], first.Text, entry);
                    break;
                case ElementKind.Exact:
                    Add(_byExact, first.Text, entry);
                    break;
                case ElementKind.Prefix:
                    _prefixFirst.Add(entry);
                    break;
                default:
                    _numberFirst.Add(entry);
                    break;
            }
        }
    }

    public IReadOnlyList<string> ConceptNames { get; }

    public int ConceptCount => ConceptNames.Count;

    /// <summary>Every word a stem entry names, for the spelling corrector's targets (surface forms of the entries).</summary>
    public static IEnumerable<string> Vocabulary(IEnumerable<string> entryWords) => entryWords;

    /// <summary>Hits per concept: the token spans (first, last) where the concept appears.</summary>
    public ConceptHits Find(NormalizedMessage message)
    {
        var tokens = message.Tokens;
        var hits = new ConceptHits(ConceptCount);
        if (tokens.Count == 0)
        {
            return hits;
        }

        var stems = new string[_locales.Length][];
        for (var l = 0; l < _locales.Length; l++)
        {
            var row = stems[l] = new string[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                row[i] = WordStemmer.Stem(_locales[l], tokens[i].Text);
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            for (var l = 0; l < _locales.Length; l++)
            {
                if (_byStem[l].TryGetValue(stems[l][i], out var candidates))
                {
                    TryAll(candidates, i);
                }
            }

            if (_byExact.TryGetValue(tokens[i].Text, out var exact))
            {
                TryAll(exact, i);
            }

            TryAll(_prefixFirst, i);
            TryAll(_numberFirst, i);
        }

        return hits;

        void TryAll(List<ConceptEntry> candidates, int start)
        {
            foreach (var entry in candidates)
            {
                if (Matches(entry, start, out var last))
                {
                    hits.Add(entry.Concept, start, last);
                }
            }
        }

        bool IsAge(int at) => (at + 1 < tokens.Count && AgeWords.Contains(tokens[at + 1].Text)) || tokens[at].Text.EndsWith("yo", StringComparison.Ordinal);

        bool Matches(ConceptEntry entry, int start, out int last)
        {
            last = start + entry.Elements.Length - 1;
            if (last >= tokens.Count || tokens[last].Clause != tokens[start].Clause)
            {
                return false;
            }

            var locale = Array.IndexOf(_locales, entry.Locale);
            for (var j = 0; j < entry.Elements.Length; j++)
            {
                var element = entry.Elements[j];
                var token = tokens[start + j].Text;
                var ok = element.Kind switch
                {
                    ElementKind.Stem => stems[locale][start + j] == element.Text,
                    ElementKind.Exact => token == element.Text,
                    ElementKind.Prefix => token.StartsWith(element.Text, StringComparison.Ordinal),
                    ElementKind.Minor => Number(token) is >= 8 and <= 17,
                    ElementKind.Adult => Number(token) is >= 18 and <= 99,
                    ElementKind.Amount => (Number(token) >= 20 || IsThousands(token)) && !IsAge(start + j),
                    _ => false,
                };
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>"25 ans", "24 yo", "30 years old", "19 anos", "20 taon": an age, not a sum.</summary>
    private static readonly HashSet<string> AgeWords = new(StringComparer.Ordinal) { "ans", "an", "yo", "years", "year", "yrs", "anos", "ano", "taon", "y" };

    /// <summary>The leading number of a token ("14", "14yo", "500$" → 14, 14, 500), or -1.</summary>
    private static int Number(string token)
    {
        var value = 0;
        var digits = 0;
        foreach (var c in token)
        {
            if (!char.IsAsciiDigit(c) || digits == 7)
            {
                break;
            }

            value = (value * 10) + (c - '0');
            digits++;
        }

        return digits == 0 ? -1 : value;
    }

    /// <summary>"1k", "2k", "5k" — sums written the way teens write them.</summary>
    private static bool IsThousands(string token) => token.Length is >= 2 and <= 4 && token[^1] == 'k' && Number(token) > 0;

    private static void Add(Dictionary<string, List<ConceptEntry>> index, string key, ConceptEntry entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(entry);
    }
}

/// <summary>Concept → token spans found in one message.</summary>
internal sealed class ConceptHits(int conceptCount)
{
    private readonly List<(int First, int Last)>?[] _spans = new List<(int, int)>?[conceptCount];

    public void Add(int concept, int first, int last)
    {
        var list = _spans[concept] ??= [];
        if (!list.Contains((first, last)))
        {
            list.Add((first, last));
        }
    }

    public bool Has(int concept) => _spans[concept] is { Count: > 0 };

    public IReadOnlyList<(int First, int Last)> Spans(int concept) => _spans[concept] ?? (IReadOnlyList<(int, int)>)[];
}
