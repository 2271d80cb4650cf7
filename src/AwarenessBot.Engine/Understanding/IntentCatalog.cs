using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Understanding;

/// <summary>One training phrase, normalised, stop words removed: the unit the matcher explains its answers with.</summary>
internal sealed record IntentPhrase(string Intent, string Locale, string Text, string[] Tokens);

/// <summary>Phrases and whole-message words per intent and locale, from seeds/intents/&lt;locale&gt;.yaml.</summary>
internal sealed class IntentCatalog
{
    public IntentCatalog(IReadOnlyList<IntentPhrase> phrases, IReadOnlyDictionary<string, string> exact, IReadOnlySet<string> stopWords)
    {
        Phrases = phrases;
        Exact = exact;
        StopWords = stopWords;
    }

    public IReadOnlyList<IntentPhrase> Phrases { get; }

    /// <summary>Normalised whole message → intent ("stop", "arret", "english", "911").</summary>
    public IReadOnlyDictionary<string, string> Exact { get; }

    public IReadOnlySet<string> StopWords { get; }

    public IEnumerable<string> Intents => Phrases.Select(p => p.Intent).Concat(Exact.Values).Distinct(StringComparer.Ordinal);

    public static IntentCatalog Load(string intentsDirectory)
    {
        var raw = new List<(string Intent, string Locale, string Text)>();
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var stop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var locale0 in LocaleResolver.Supported)
        {
            var file = Path.Combine(intentsDirectory, locale0 + ".yaml");
            if (!File.Exists(file)) continue;
            var stream = new YamlStream();
            using (var reader = File.OpenText(file)) stream.Load(reader);
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            if (root.GetMap("intents") is not { } intents) continue;
            var locale = root.GetString("locale") ?? Path.GetFileNameWithoutExtension(file);
            foreach (var word in root.GetStrings("stop_words")) stop.Add(TextNormalizer.Normalize(word));
            foreach (var (key, value) in intents.Children)
            {
                if (key is not YamlScalarNode { Value: { } intent } || value is not YamlMappingNode body) continue;
                foreach (var phrase in body.GetStrings("phrases")) raw.Add((intent, locale, phrase));
                foreach (var word in body.GetStrings("exact")) exact[TextNormalizer.Normalize(word)] = intent;
            }
        }
        var phrases = raw
            .Select(r => new IntentPhrase(r.Intent, r.Locale, r.Text, Tokenize(r.Text, stop)))
            .Where(p => p.Tokens.Length > 0)
            .ToList();
        return new IntentCatalog(phrases, exact, stop);
    }

    public static string[] Tokenize(string text, IReadOnlySet<string> stopWords)
    {
        var tokens = TextNormalizer.Tokens(TextNormalizer.Normalize(text));
        var kept = tokens.Where(t => !stopWords.Contains(t)).Distinct(StringComparer.Ordinal).ToArray();
        // A phrase made only of stop words ("help me") keeps its words rather than vanishing.
        return kept.Length > 0 ? kept : tokens.Distinct(StringComparer.Ordinal).ToArray();
    }
}
