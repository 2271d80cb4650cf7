using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Language;

namespace AwarenessBot.Engine.Understanding;

/// <summary>
/// A step's buttons prepared once at load: the label per locale and, for recognition, the normalised words of every
/// label and synonym in every locale (someone may answer in another language than the one shown), each with the
/// locales it is written in: a loose match can be held to the message's own language (see <see cref="Recognize"/>).
/// </summary>
internal sealed class ChoiceTable
{
    /// <summary>A cut label counts from this many letters (shorter beginnings are too ambiguous).</summary>
    private const int MinCutLength = 6;

    private readonly Dictionary<string, string>[] _labels;
    private readonly List<(int Choice, string Whole, string[] Words)> _entries = [];

    /// <summary>Per entry of <see cref="_entries"/>, the locales (bits, <see cref="IntentLanguages.Bit"/>) it is written in;
    /// every locale for a text that is the same in all of them or is only numbers ("English", "9 to 12").</summary>
    private readonly List<int> _entryLocales = [];
    private readonly Dictionary<string, int> _byValue = new(StringComparer.Ordinal);

    public ChoiceTable(IReadOnlyList<ChoiceDefinition> choices, IContentRepository content, IntentCatalog words)
    {
        Choices = choices;
        _labels = new Dictionary<string, string>[choices.Count];
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var locale in LocaleResolver.Supported)
            {
                var label = choice.LabelContent is { } id
                    ? content.Find(id, locale, null) is { Messages.Count: > 0 } view && view.Locale == locale ? view.Messages[0] : null
                    : choice.Label.GetValueOrDefault(locale);
                if (label is not null) labels[locale] = label;
            }
            _labels[i] = labels;
            _byValue[TextNormalizer.Normalize(choice.Value)] = i;
            // A short label (a WhatsApp button title) may be typed back too.
            var texts = labels.Select(l => (l.Key, l.Value))
                .Concat(choice.ShortLabel.Select(l => (l.Key, l.Value)))
                .Concat(choice.Synonyms.SelectMany(s => s.Value.Select(text => (s.Key, text))));
            var first = _entries.Count;
            foreach (var (locale, text) in texts)
            {
                var whole = TextNormalizer.Normalize(text);
                var bit = IntentLanguages.Bit(locale);
                var same = _entries.FindIndex(first, e => string.Equals(e.Whole, whole, StringComparison.Ordinal));
                if (same >= 0) { _entryLocales[same] |= bit; continue; }
                var tokens = words.Tokenize(text);
                _entries.Add((i, whole, tokens));
                _entryLocales.Add(tokens.Length > 0 && tokens.All(t => t.All(char.IsAsciiDigit)) ? AnyLocale : bit);
            }
        }
        for (var e = 0; e < _entryLocales.Count; e++)
        {
            if ((_entryLocales[e] & AnyLocale) == AnyLocale) _entryLocales[e] = AnyLocale;
        }
    }

    /// <summary>Every supported locale's bit.</summary>
    private static int AnyLocale => (1 << LocaleResolver.Supported.Count) - 1;

    public IReadOnlyList<ChoiceDefinition> Choices { get; }

    public string Label(int index, string locale)
    {
        var labels = _labels[index];
        return labels.GetValueOrDefault(locale) ?? labels.GetValueOrDefault(BotCatalog.Default.FallbackLocale) ?? Choices[index].Value;
    }

    /// <summary>The short label in this locale, else the full label.</summary>
    public string ShortLabel(int index, string locale)
    {
        var shown = _labels[index].ContainsKey(locale) ? locale : BotCatalog.Default.FallbackLocale;
        return Choices[index].ShortLabel.TryGetValue(shown, out var label) ? label : Label(index, locale);
    }

    public IEnumerable<ReplyChoice> Render(string locale)
    {
        for (var i = 0; i < Choices.Count; i++) yield return new ReplyChoice(Choices[i].Value, Label(i, locale), ShortLabel(i, locale));
    }

    /// <summary>Button value, then the label or a synonym said whole, then the best fuzzy label match; -1 if none or a tie.</summary>
    /// <param name="locales">The locales (bits) whose labels and synonyms a loose match may read, 0 for all: a loose match
    /// across languages reads words of one language as another's ("se guardan mis mensajes?": Spanish "guardan" is one
    /// letter from the English synonym "guardian"). A label said whole counts in any language.</param>
    /// <param name="fewerWordsYield">A loose match that finds fewer of the message's words than this yields (returns -1).</param>
    public int Recognize(string normalized, string[] words, bool fuzzy = true, int locales = 0, int fewerWordsYield = 0)
    {
        if (normalized.Length == 0) return -1;
        if (_byValue.TryGetValue(normalized, out var byValue)) return byValue;
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Whole, normalized, StringComparison.Ordinal)) return entry.Choice;
        }
        if (!fuzzy) return -1;
        var best = FuzzyLabelMatch.Best(words, locales == 0 ? _entries : _entries.Where((_, e) => (_entryLocales[e] & locales) != 0), fewerWordsYield);
        return best >= 0 ? best : CutLabel(normalized);
    }

    /// <summary>A button label cut short when copied or typed ("Add the bot to a si"): one label starts with the message.</summary>
    private int CutLabel(string normalized)
    {
        if (normalized.Length < MinCutLength) return -1;
        var found = -1;
        foreach (var entry in _entries)
        {
            if (!entry.Whole.StartsWith(normalized, StringComparison.Ordinal)) continue;
            if (found >= 0 && found != entry.Choice) return -1;
            found = entry.Choice;
        }
        return found;
    }
}
