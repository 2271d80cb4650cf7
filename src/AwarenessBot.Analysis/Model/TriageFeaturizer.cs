namespace AwarenessBot.Analysis.Model;

/// <summary>What produced a feature, for explanations.</summary>
public enum TriageFeatureKind
{
    /// <summary>A character n-gram of one word; '&lt;' and '&gt;' mark the word's start and end.</summary>
    CharacterNgram = 0,

    Word = 1,

    WordPair = 2,

    /// <summary>A concept class the rules found in the message (<see cref="TriageFeaturizer.ConceptMark"/>).</summary>
    Concept = 3,

    /// <summary>Two concept classes found in one message.</summary>
    ConceptPair = 4,
}

/// <summary>One feature of a message: its text (from the message), kind and bucket.</summary>
public readonly record struct TriageFeature(string Text, TriageFeatureKind Kind, int Bucket);

/// <summary>
/// Turns an already-normalised message (<see cref="Normalization.NormalizedMessage.Joined"/>: lower-case words
/// separated by single spaces) into hashed bucket indices: character n-grams of each word with boundary marks, the
/// words, and neighbouring word pairs. Each bucket counts once per message (presence); the model weighs every present
/// bucket by 1/√count, so the feature vector has unit length. Allocation-free on the prediction path; thread-safe.
/// Words that start with <see cref="ConceptMark"/> name concept classes (appended by the detector after the message):
/// with <see cref="TriageFeatureSettings.Concepts"/> each is a feature and so is each pair of them; without, they are
/// skipped, so a model trained without them reads the same input unchanged.
/// </summary>
public sealed class TriageFeaturizer
{
    /// <summary>Marks a concept class's name among the words; the normaliser never writes it (letters and digits only).</summary>
    public const char ConceptMark = '§';

    /// <summary>Longer "words" (pasted links, key mashing) contribute character n-grams of their first letters only.</summary>
    public const int MaxWordLengthForCharacters = 40;

    private readonly int _mask;
    private readonly int _bits;
    private readonly int _minN;
    private readonly int _maxN;
    private readonly bool _pairs;

    public TriageFeaturizer(TriageFeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        _bits = settings.BucketBits;
        _mask = settings.Buckets - 1;
        _minN = settings.MinCharN;
        _maxN = settings.MaxCharN;
        _pairs = settings.MaxWordN >= 2;
    }

    public TriageFeatureSettings Settings { get; }

    /// <summary>The bucket of a hash: the high bits folded onto the low ones, then masked.</summary>
    public int Bucket(uint hash) => (int)((hash ^ (hash >> _bits)) & (uint)_mask);

    /// <summary>The distinct buckets of a message, sorted (tests, training).</summary>
    public int[] Buckets(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var scratch = FeatureScratch.For(Settings.Buckets);
        var count = Collect(normalized, scratch);
        var result = scratch.Buckets.AsSpan(0, count).ToArray();
        scratch.Clear(count);
        Array.Sort(result);
        return result;
    }

    /// <summary>Every feature of a message with its text, in message order, repeats included (explanations only).</summary>
    public IReadOnlyList<TriageFeature> Features(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var sink = new ListSink(this);
        Walk(normalized, ref sink);
        return sink.Features;
    }

    /// <summary>Writes the distinct buckets into <paramref name="scratch"/> and returns their count; the caller clears.</summary>
    internal int Collect(ReadOnlySpan<char> normalized, FeatureScratch scratch)
    {
        var sink = new CollectSink(this, scratch);
        Walk(normalized, ref sink);
        return sink.Count;
    }

    private void Walk<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        Span<char> marked = stackalloc char[MaxWordLengthForCharacters + 2];
        ReadOnlySpan<char> previous = default;
        var rest = text;
        var concepts = -1;
        while (!rest.IsEmpty)
        {
            var at = text.Length - rest.Length;
            var space = rest.IndexOf(' ');
            var word = space < 0 ? rest : rest[..space];
            rest = space < 0 ? default : rest[(space + 1)..];
            if (word.IsEmpty)
            {
                continue;
            }

            if (word[0] == ConceptMark)
            {
                if (Settings.Concepts)
                {
                    sink.Add(FeatureHash.Hash(FeatureHash.ConceptKind, word[1..]), TriageFeatureKind.Concept, word, default);
                    concepts = concepts < 0 ? at : concepts;
                }

                continue;
            }

            sink.Add(FeatureHash.Hash(FeatureHash.WordKind, word), TriageFeatureKind.Word, word, default);
            if (_pairs && !previous.IsEmpty)
            {
                sink.Add(FeatureHash.HashPair(previous, word), TriageFeatureKind.WordPair, previous, word);
            }

            previous = word;
            var letters = Math.Min(word.Length, MaxWordLengthForCharacters);
            marked[0] = '<';
            word[..letters].CopyTo(marked[1..]);
            marked[letters + 1] = '>';
            var length = letters + 2;
            for (var start = 0; start < length; start++)
            {
                var hash = FeatureHash.Start(FeatureHash.CharKind);
                var end = Math.Min(length, start + _maxN);
                for (var i = start; i < end; i++)
                {
                    hash = FeatureHash.Add(hash, marked[i]);
                    if (i - start + 1 >= _minN)
                    {
                        sink.Add(hash, TriageFeatureKind.CharacterNgram, marked[start..(i + 1)], default);
                    }
                }
            }
        }

        if (concepts >= 0)
        {
            AddConceptPairs(text[concepts..], ref sink);
        }
    }

    /// <summary>Every pair of concept words, each with those before it (the detector writes them in a fixed order).</summary>
    private static void AddConceptPairs<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        for (var (start, end) = NextConcept(text, 0); end > start; (start, end) = NextConcept(text, end + 1))
        {
            for (var (from, to) = NextConcept(text, 0); to < start; (from, to) = NextConcept(text, to + 1))
            {
                var first = text[from..to];
                var second = text[start..end];
                sink.Add(FeatureHash.HashConceptPair(first[1..], second[1..]), TriageFeatureKind.ConceptPair, first, second);
            }
        }
    }

    /// <summary>The next concept word at or after <paramref name="from"/>, or (0, 0).</summary>
    private static (int Start, int End) NextConcept(ReadOnlySpan<char> text, int from)
    {
        while (from < text.Length)
        {
            var space = text[from..].IndexOf(' ');
            var end = space < 0 ? text.Length : from + space;
            if (end > from && text[from] == ConceptMark)
            {
                return (from, end);
            }

            from = end + 1;
        }

        return (0, 0);
    }

    private interface IFeatureSink
    {
        void Add(uint hash, TriageFeatureKind kind, ReadOnlySpan<char> text, ReadOnlySpan<char> second);
    }

    private struct CollectSink(TriageFeaturizer featurizer, FeatureScratch scratch) : IFeatureSink
    {
        public int Count { get; private set; }

        public void Add(uint hash, TriageFeatureKind kind, ReadOnlySpan<char> text, ReadOnlySpan<char> second)
        {
            if (scratch.TryMark(featurizer.Bucket(hash), Count))
            {
                Count++;
            }
        }
    }

    private readonly struct ListSink(TriageFeaturizer featurizer) : IFeatureSink
    {
        public List<TriageFeature> Features { get; } = [];

        public void Add(uint hash, TriageFeatureKind kind, ReadOnlySpan<char> text, ReadOnlySpan<char> second)
        {
            var value = second.IsEmpty ? text.ToString() : string.Concat(text, " ", second);
            Features.Add(new TriageFeature(value, kind, featurizer.Bucket(hash)));
        }
    }
}

/// <summary>Per-thread scratch: a bit set of the buckets seen in the current message and their list.</summary>
internal sealed class FeatureScratch
{
    [ThreadStatic]
    private static FeatureScratch? _current;

    private ulong[] _seen = [];

    public int[] Buckets { get; private set; } = new int[1024];

    public static FeatureScratch For(int bucketCount)
    {
        var scratch = _current ??= new FeatureScratch();
        if (scratch._seen.Length * 64 < bucketCount)
        {
            scratch._seen = new ulong[(bucketCount + 63) / 64];
        }

        return scratch;
    }

    /// <summary>Marks a bucket; false when it was already present in this message.</summary>
    public bool TryMark(int bucket, int count)
    {
        ref var word = ref _seen[bucket >> 6];
        var bit = 1UL << (bucket & 63);
        if ((word & bit) != 0)
        {
            return false;
        }

        word |= bit;
        if (count == Buckets.Length)
        {
            var grown = new int[Buckets.Length * 2];
            Buckets.CopyTo(grown, 0);
            Buckets = grown;
        }

        Buckets[count] = bucket;
        return true;
    }

    /// <summary>Unmarks the <paramref name="count"/> buckets of the last message (cheaper than clearing the whole set).</summary>
    public void Clear(int count)
    {
        var buckets = Buckets;
        for (var i = 0; i < count; i++)
        {
            _seen[buckets[i] >> 6] = 0;
        }
    }
}
