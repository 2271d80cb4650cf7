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
    // Every candidate list holds the entry with its locale's index, so a match needs no lookup of the locale.
    private readonly Dictionary<string, List<Candidate>>[] _byStem;
    private readonly Dictionary<string, List<Candidate>> _byExact = new(StringComparer.Ordinal);
    // Prefix entries ("haha*") by their first two letters, so a word meets only the few that can match it.
    private readonly Dictionary<string, List<Candidate>> _prefixFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Candidate>>.AlternateLookup<ReadOnlySpan<char>> _prefixFirstBySpan;
    private readonly List<Candidate> _numberFirst = [];
    private readonly Dictionary<string, int> _localeIndex;

    // The first one to three letters of every stem an entry names, per locale: a word whose start is none of them
    // cannot stem to any of them (Snowball only changes endings), so it is not stemmed at all — most words of a long
    // message. Tagalog strips prefixes, so it is always stemmed (its stripper is cheap).
    private readonly HashSet<string>?[] _stemHeads;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>?[] _stemHeadsBySpan;

    public ConceptIndex(IReadOnlyList<string> conceptNames, IReadOnlyList<string> locales, IEnumerable<ConceptEntry> entries)
    {
        ConceptNames = conceptNames;
        _locales = [.. locales];
        _byStem = [.. _locales.Select(_ => new Dictionary<string, List<Candidate>>(StringComparer.Ordinal))];
        _localeIndex = _locales.Select((locale, i) => (locale, i)).ToDictionary(p => p.locale, p => p.i, StringComparer.Ordinal);
        _stemHeads = new HashSet<string>?[_locales.Length];
        foreach (var entry in entries)
        {
            foreach (var element in entry.Elements)
            {
                var l = _localeIndex[entry.Locale];
                if (element.Kind == ElementKind.Stem && WordStemmer.KeepsWordStart(entry.Locale))
                {
                    (_stemHeads[l] ??= new HashSet<string>(StringComparer.Ordinal)).Add(element.Text.Length <= 3 ? element.Text : element.Text[..3]);
                }
            }

            var first = entry.Elements[0];
            var candidate = new Candidate(entry, _localeIndex[entry.Locale]);
            switch (first.Kind)
            {
                case ElementKind.Stem:
                    Add(_byStem[Array.IndexOf(_locales, entry.Locale)], first.Text, candidate);
                    break;
                case ElementKind.Exact:
                    Add(_byExact, first.Text, candidate);
                    break;
                case ElementKind.Prefix:
                    Add(_prefixFirst, PrefixKey(first.Text), candidate);
                    break;
                default:
                    _numberFirst.Add(candidate);
                    break;
            }
        }

        _prefixFirstBySpan = _prefixFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemHeadsBySpan = [.. _stemHeads.Select(h => h?.GetAlternateLookup<ReadOnlySpan<char>>())];
    }

    /// <summary>An entry and its locale's index in the index's locales.</summary>
    private readonly record struct Candidate(ConceptEntry Entry, int Locale);

    public IReadOnlyList<string> ConceptNames { get; }

    public int ConceptCount => ConceptNames.Count;

    /// <summary>Hits per concept: the token spans (first, last) where the concept appears.</summary>
    /// <param name="readAs">
    /// Stemmed and exact entries of this language and of <paramref name="alsoRead"/> only (<see cref="StemLanguages"/>);
    /// null: every language's. Prefixes and numbers are found whatever the language. Exact words follow the language
    /// too: Tagalog texting "d" (hindi) was a negation inside French "d'ici".
    /// </param>
    /// <param name="ownWords">Words of <paramref name="readAs"/> that no other language's entry reads (<see cref="StemLanguages.OwnWords"/>).</param>
    public ConceptHits Find(NormalizedMessage message, string? readAs = null, IReadOnlySet<string>? alsoRead = null, IReadOnlySet<string>? ownWords = null)
    {
        var tokens = message.Tokens;
        var hits = new ConceptHits(ConceptCount);
        if (tokens.Count == 0)
        {
            return hits;
        }

        var stems = new string[_locales.Length][];
        var reads = new bool[_locales.Length];
        var own = ownWords is null ? null : tokens.Select(t => ownWords.Contains(t.Text)).ToArray();
        for (var l = 0; l < _locales.Length; l++)
        {
            reads[l] = readAs is null || _locales[l] == readAs || alsoRead?.Contains(_locales[l]) == true;
            var row = stems[l] = new string[tokens.Count];
            if (!reads[l])
            {
                continue;
            }

            var heads = _stemHeadsBySpan[l];
            for (var i = 0; i < tokens.Count; i++)
            {
                var word = tokens[i].Text;
                row[i] = heads is not { } h || MayStemToAny(h, word) ? WordStemmer.Stem(_locales[l], word) : word;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            for (var l = 0; l < _locales.Length; l++)
            {
                if (reads[l] && _byStem[l].TryGetValue(stems[l][i], out var candidates))
                {
                    TryAll(candidates, i);
                }
            }

            if (_byExact.TryGetValue(tokens[i].Text, out var exact))
            {
                TryAll(exact, i, onlyRead: true);
            }

            var text = tokens[i].Text;
            if (_prefixFirstBySpan.TryGetValue(text.AsSpan(0, Math.Min(2, text.Length)), out var prefixed))
            {
                TryAll(prefixed, i);
            }

            if (text.Length > 1 && _prefixFirstBySpan.TryGetValue(text.AsSpan(0, 1), out var shortPrefixed))
            {
                TryAll(shortPrefixed, i);
            }

            if (char.IsAsciiDigit(tokens[i].Text[0]))
            {
                TryAll(_numberFirst, i);
            }
        }

        return hits;

        void TryAll(List<Candidate> candidates, int start, bool onlyRead = false)
        {
            foreach (var (entry, locale) in candidates)
            {
                if ((!onlyRead || reads[locale]) && Matches(entry, locale, start, out var last))
                {
                    hits.Add(entry.Concept, start, last);
                }
            }
        }

        bool IsAge(int at) => (at + 1 < tokens.Count && AgeWords.Contains(tokens[at + 1].Text)) || tokens[at].Text.EndsWith("yo", StringComparison.Ordinal);

        bool Matches(ConceptEntry entry, int locale, int start, out int last)
        {
            last = start + entry.Elements.Length - 1;
            if (last >= tokens.Count || tokens[last].Clause != tokens[start].Clause)
            {
                return false;
            }

            for (var j = 0; j < entry.Elements.Length; j++)
            {
                var element = entry.Elements[j];
                var token = tokens[start + j].Text;
                if (own is not null && own[start + j] && _locales[locale] != readAs)
                {
                    return false;
                }

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

    private static bool MayStemToAny(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> heads, string word)
    {
        for (var n = Math.Min(3, word.Length); n >= 1; n--)
        {
            if (heads.Contains(word.AsSpan(0, n)))
            {
                return true;
            }
        }

        return false;
    }

    private static string PrefixKey(string word) => word.Length <= 2 ? word : word[..2];

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

    private static void Add(Dictionary<string, List<Candidate>> index, string key, Candidate entry)
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
