using AwarenessBot.Analysis.Model;

namespace AwarenessBot.Engine.Understanding;

/// <summary>
/// The intent model's second opinion beside the phrase matcher (<c>seeds/models/intents.model</c>, trained by
/// <c>train-intents</c> on the navigation corpus and the phrases). Phrases explain themselves and stay first: the model
/// is asked only when no phrase matched strongly and no answer the waiting step expects matched completely (a crisis
/// follow-up such as "ano ang gagawin ko" is a phrase the model never learns), and its answer counts only at or above
/// the threshold chosen on the development split. Its score, 1.5 plus its probability, beats a one-word or partial
/// phrase match, never a strong one.
/// </summary>
internal sealed class IntentModelOpinion
{
    /// <summary>Where the shipped model lives, relative to the seeds folder.</summary>
    public const string RelativePath = "models/intents.model";

    /// <summary>A phrase match this strong (a complete two-word phrase or more) is not second-guessed.</summary>
    public const double TrustedRuleScore = 2.5;

    /// <summary>The phrase label the model's matches carry, for explanations.</summary>
    public const string Phrase = "(model)";

    private readonly TextClassifier _model;
    private readonly bool[] _usable;

    public IntentModelOpinion(TextClassifier model, IEnumerable<string> engineIntents)
    {
        _model = model;
        var known = engineIntents.ToHashSet(StringComparer.Ordinal);
        // Slot intents come from the slot reader, which knows the place or age it read; the model only guesses them.
        // Out of scope wins when the text asks nothing the bot does: then the model says nothing.
        _usable = [.. model.ClassNames.Select(n => known.Contains(n) && !IntentCatalog.ModelOnlyClasses.Contains(n))];
    }

    /// <summary>Loads the shipped model when there is one (tooling without seeds/models runs on phrases alone).</summary>
    public static IntentModelOpinion? Load(string seedsDirectory, IntentCatalog catalog)
    {
        var path = Path.Combine(seedsDirectory, RelativePath);
        return File.Exists(path) ? new IntentModelOpinion(TextClassifier.Load(path), catalog.Intents) : null;
    }

    /// <summary>Class names the model knows that the engine does not (a stale model): validation reports them.</summary>
    public IEnumerable<string> UnknownIntents => _model.ClassNames.Where((n, i) => !_usable[i] && !IntentCatalog.ModelOnlyClasses.Contains(n));

    /// <summary>The matches with the model's answer merged in, strongest first.</summary>
    /// <param name="expected">The intents the waiting step routes, if any.</param>
    /// <param name="contentWords">The message's content words: an expected answer keeps the model out only when its
    /// phrase is most of the message ("mon patron" inside "quiero reportar a mi patron" is not the answer).</param>
    public IReadOnlyList<IntentMatch> Add(IReadOnlyList<IntentMatch> matches, string[] tokens, IReadOnlySet<string>? expected = null, int contentWords = 0)
    {
        TextClass? asked = null;
        return Add(matches, tokens, expected, contentWords, ref asked);
    }

    /// <param name="asked">The model's reading of these tokens if it was asked before (it is kept here when asked now):
    /// one message is read once, however many questions are put to its reading.</param>
    public IReadOnlyList<IntentMatch> Add(IReadOnlyList<IntentMatch> matches, string[] tokens, IReadOnlySet<string>? expected, int contentWords, ref TextClass? asked)
    {
        if (tokens.Length == 0 || matches.Any(m => m.Score >= TrustedRuleScore
            || (m.Complete && expected?.Contains(m.Intent) == true && m.WordsFound * 2 > contentWords)))
            return matches;
        var guess = Reading(tokens, ref asked);
        var index = IndexOf(guess.Name);
        if (!guess.Accepted || index < 0 || !_usable[index]) return matches;
        var score = IntentMatcher.Threshold + guess.Probability;
        if (matches.Any(m => m.Intent == guess.Name && m.Score >= score)) return matches;
        var merged = matches.Where(m => m.Intent != guess.Name).Append(new IntentMatch(guess.Name, score, Phrase, "*")).ToList();
        merged.Sort((a, b) => b.Score.CompareTo(a.Score));
        return merged;
    }

    /// <summary>True when the model reads the message as asking nothing the bot does ("va a nevar mañana en toronto?").</summary>
    public bool SaysOutOfScope(string[] tokens)
    {
        TextClass? asked = null;
        return SaysOutOfScope(tokens, ref asked);
    }

    /// <param name="asked">The model's reading of these tokens if it was asked before (see <see cref="Add(IReadOnlyList{IntentMatch}, string[], IReadOnlySet{string}?, int, ref TextClass?)"/>).</param>
    public bool SaysOutOfScope(string[] tokens, ref TextClass? asked)
    {
        if (tokens.Length == 0) return false;
        var guess = Reading(tokens, ref asked);
        return guess.Accepted && guess.Name == IntentCatalog.OutOfScope;
    }

    /// <summary>The model's reading of the message: the one given, else asked now and kept (the prediction is a pure
    /// function of the tokens, so a second one would only cost the time).</summary>
    private TextClass Reading(string[] tokens, ref TextClass? asked) => asked ??= _model.Predict(string.Join(' ', tokens));

    private int IndexOf(string name)
    {
        for (var i = 0; i < _model.ClassNames.Count; i++)
        {
            if (_model.ClassNames[i] == name) return i;
        }
        return -1;
    }
}
