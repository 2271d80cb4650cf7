using AwarenessBot.Analysis.Model;
using AwarenessBot.Engine.Language;

namespace AwarenessBot.Engine.Understanding;

/// <summary>
/// Matches a message against every phrase of every locale through an index built once: word → phrases, 3-letter
/// bucket → vocabulary for similar words (prefix stems and typos), and language stem → vocabulary (Snowball en/fr/es,
/// Tagalog affixes: "menacé" finds "menace", "pinagbabantaan" finds "banta"). Per turn it only touches the phrases that
/// share a word with the message, so it stays well under a millisecond with thousands of phrases.
/// </summary>
internal sealed class IntentMatcher
{
    /// <summary>The weakest match we act on: one whole one-word phrase ("passport"), or two words of a longer one.</summary>
    public const double Threshold = 1.5;

    /// <summary>The score of a message that is exactly one of an intent's whole-message words ("stop", "911").</summary>
    public const double ExactScore = 100;

    private const int MinStemLength = 4;

    /// <summary>What a word matched only approximately costs (ties only: a whole word is worth 1).</summary>
    public const double ApproximatePenalty = 0.1;

    /// <summary>What each word of something else inside a phrase's found words costs (ties only, at most
    /// <see cref="MaxScatterWords"/> of them: less than the specificity tie-breaker).</summary>
    public const double ScatterPenalty = 0.001;

    private const int MaxScatterWords = 9;

    /// <summary>The largest tie-breaker for words specific to one intent.</summary>
    public const double SpecificityBonus = 0.04;

    private readonly IntentCatalog _catalog;
    private readonly string[] _vocabulary;
    private readonly Dictionary<string, int[]> _bucketToWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _stemToWords = new(StringComparer.Ordinal);
    private readonly int[][] _wordToPhrases;

    /// <summary>Per vocabulary word, 1 / the number of intents whose phrases use it: "deported" says more than "boss".</summary>
    private readonly double[] _specificity;

    /// <summary>
    /// Per vocabulary word, ln(phrases / phrases that use it), the document frequency over every locale's phrases:
    /// "permit" says more about a phrase than "work" (see <see cref="Rank"/>).
    /// </summary>
    private readonly double[] _rarity;

    /// <summary>Per phrase, the sum of its words' <see cref="_rarity"/>.</summary>
    private readonly double[] _phraseRarity;

    /// <summary>Per vocabulary word, whether it only frames a question (<see cref="IntentCatalog.QuestionWords"/>).</summary>
    private readonly bool[] _questionWord;

    /// <summary>
    /// Per phrase, whether its text says "not" (<see cref="IntentLanguages.Negations"/>): fr "je ne veux pas le dire" is
    /// the word "dire" once the stop words "ne", "pas" are gone, en "i don't want to say" is found in part as "want say".
    /// See <see cref="Rank"/>.
    /// </summary>
    private readonly bool[] _phraseNegated;

    private readonly IntentModelOpinion? _model;

    /// <summary>A language's name as a whole-message word ("spanish", "anglais") → the intent asking for it.</summary>
    private readonly Dictionary<string, string> _languageNames;

    /// <summary>Per phrase, its locale's bit, and whether it counts in any language (see <see cref="IntentLanguages"/>).</summary>
    private readonly int[] _phraseLocale;
    private readonly bool[] _phraseAnyLanguage;

    /// <summary>Per vocabulary word, the locales that use it, and whether it is shared by every language.</summary>
    private readonly int[] _wordLocales;
    private readonly bool[] _wordShared;

    /// <summary>Intents about the conversation itself (help, stop, back, "are you a person"): see <see cref="InProportion"/>.</summary>
    private readonly IReadOnlySet<string> _repair;

    /// <summary>Repair intents that end the conversation at once (stop): never from a word inside a longer message.</summary>
    private readonly IReadOnlySet<string> _ending;

    /// <summary>Per repair intent, the content words of its phrases and whole-message words (see <see cref="WithoutGuessOnWordsReadOtherwise"/>).</summary>
    private readonly Dictionary<string, string[]> _repairWords;

    /// <param name="repairIntents">Intents that open conversation repair (interruption flows, step patterns); none if null.</param>
    /// <param name="endingIntents">Of those, the ones that end the conversation without asking (stop); none if null.</param>
    public IntentMatcher(IntentCatalog catalog, IntentModelOpinion? model = null, IReadOnlySet<string>? repairIntents = null, IReadOnlySet<string>? endingIntents = null)
    {
        _ending = endingIntents ?? new HashSet<string>(StringComparer.Ordinal);
        _catalog = catalog;
        _model = model;
        _repair = repairIntents ?? new HashSet<string>(StringComparer.Ordinal);
        var vocabulary = catalog.Phrases.SelectMany(p => p.Tokens).Distinct(StringComparer.Ordinal).ToArray();
        _vocabulary = vocabulary;
        var wordIndex = vocabulary.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        foreach (var group in vocabulary.Select((w, i) => (w, i)).GroupBy(x => TokenSimilarity.Bucket(x.w), StringComparer.Ordinal))
            _bucketToWords[group.Key] = group.Select(x => x.i).ToArray();
        var stems = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            foreach (var key in StemKeys(vocabulary[i]))
            {
                if (!stems.TryGetValue(key, out var list)) stems[key] = list = [];
                if (!list.Contains(i)) list.Add(i);
            }
        }
        foreach (var (key, list) in stems) _stemToWords[key] = [.. list];
        var lists = vocabulary.Select(_ => new List<int>()).ToArray();
        for (var p = 0; p < catalog.Phrases.Count; p++)
        {
            foreach (var token in catalog.Phrases[p].Tokens) lists[wordIndex[token]].Add(p);
        }
        _wordToPhrases = lists.Select(l => l.ToArray()).ToArray();
        var languages = catalog.Languages;
        _phraseLocale = [.. catalog.Phrases.Select(p => IntentLanguages.Bit(p.Locale))];
        _phraseAnyLanguage = [.. catalog.Phrases.Select(p => languages.AnyLanguageIntents.Contains(p.Intent))];
        _wordLocales = [.. vocabulary.Select(languages.ReadBy)];
        _wordShared = [.. vocabulary.Select(languages.SharedWords.Contains)];
        _specificity = _wordToPhrases
            .Select(phrases => 1.0 / Math.Max(1, phrases.Select(p => catalog.Phrases[p].Intent).Distinct(StringComparer.Ordinal).Count()))
            .ToArray();
        var phraseCount = Math.Max(1, catalog.Phrases.Count);
        _rarity = [.. _wordToPhrases.Select(phrases => Math.Log((double)phraseCount / Math.Max(1, phrases.Length)))];
        _languageNames = catalog.Exact
            .Where(e => !e.Key.Contains(' ', StringComparison.Ordinal) && languages.LanguageRequests.Contains(e.Value))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        _phraseRarity = [.. catalog.Phrases.Select(p => p.Tokens.Sum(token => _rarity[wordIndex[token]]))];
        _questionWord = [.. vocabulary.Select(catalog.QuestionWords.Contains)];
        _phraseNegated = [.. catalog.Phrases.Select(p => Array.Exists(catalog.Words.Tokens(p.Text), languages.Negations.Contains))];
        _repairWords = catalog.Phrases.Where(p => _repair.Contains(p.Intent)).Select(p => (p.Intent, Words: (IEnumerable<string>)p.Tokens))
            .Concat(catalog.Exact.Where(e => _repair.Contains(e.Value)).Select(e => (Intent: e.Value, Words: (IEnumerable<string>)e.Key.Split(' '))))
            .GroupBy(x => x.Intent, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Words).Where(w => !catalog.StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
    }

    public IntentCatalog Catalog => _catalog;

    /// <summary>The best match per intent for a message as typed, strongest first (at or above <see cref="Threshold"/>).</summary>
    /// <param name="locale">The conversation's language, if known (see <see cref="MessageLanguage"/>).</param>
    public IReadOnlyList<IntentMatch> Match(string? text, string? locale = null)
    {
        var tokens = _catalog.Words.Tokens(text);
        return MatchTokens(tokens, language: MessageLanguage(tokens, locale));
    }

    /// <summary>The language the message is written in, from its words and the conversation's language.</summary>
    public string? MessageLanguage(string[] tokens, string? conversationLocale) => _catalog.Languages.Guess(tokens, conversationLocale);

    /// <summary>Phrase matches, with the intent model's opinion merged in when there is a model.</summary>
    /// <param name="expected">The intents the waiting step routes (its answers), if a step is waiting.</param>
    /// <param name="askModel">False where free text has its own answer (a step that listens to anything else).</param>
    /// <param name="language">The language the message is written in (<see cref="MessageLanguage"/>), null if unknown:
    /// another language's phrases then count only for words this language does not use.</param>
    public IReadOnlyList<IntentMatch> MatchTokens(string[] tokens, IReadOnlySet<string>? expected = null, bool askModel = true, string? language = null)
    {
        TextClass? asked = null;
        return MatchTokens(tokens, expected, askModel, language, ref asked);
    }

    /// <param name="modelAsked">The intent model's reading of these tokens, kept across the questions put about one
    /// message (<see cref="OutOfScope(string[], ref TextClass?)"/>): set when the model is asked, reused when it was.</param>
    /// <param name="hyphenated">The message's hyphenated words (<see cref="HyphenatedWords.In"/>), if known: a phrase
    /// that reads one part of such a word must read all of it ("kamag-anak ko", my relative, is not "anak ko").</param>
    public IReadOnlyList<IntentMatch> MatchTokens(string[] tokens, IReadOnlySet<string>? expected, bool askModel, string? language, ref TextClass? modelAsked,
        IReadOnlyList<string[]>? hyphenated = null)
    {
        // "el mayordomo no me paga" is read by the phrases as "el patron no me paga"; the model sees what was typed.
        var read = _catalog.SameWords.Read(tokens, _catalog.Languages.CountsInFull(language));
        var phrases = InProportion(WithoutPassingSmallTalk(MatchPhrases(read, language, hyphenated), read), read);
        return TextAskedInALanguage(FirstLanguageNamed(_model is null || !askModel
            ? phrases
            : WithoutPassingSmallTalk(WithoutGuessOnWordsReadOtherwise([.. _model.Add(phrases, tokens, expected, _catalog.ContentWords(tokens).Length, ref modelAsked)], tokens, read),
                tokens), tokens), tokens);
    }

    /// <summary>
    /// "he's back", "ya volvió", "il est revenu", "bumalik na siya": someone came back (a same-meaning word of the locale
    /// files, <c>returned</c>), and the phrases read it so. The intent model sees the words as typed and reads "back",
    /// "volver", "revenir", "bumalik" as the step pattern "back" (the previous question): "hes back gtg" after a crisis
    /// answer went to the menu. A word the phrases read as something else does not speak for a conversation-repair
    /// intent through the model's guess alone; the guess is dropped when such a word is one of that intent's words.
    /// </summary>
    private List<IntentMatch> WithoutGuessOnWordsReadOtherwise(List<IntentMatch> matches, string[] tokens, string[] read)
    {
        if (ReferenceEquals(tokens, read)) return matches;
        var guess = matches.Find(m => string.Equals(m.Phrase, IntentModelOpinion.Phrase, StringComparison.Ordinal));
        if (guess is null || !_repairWords.TryGetValue(guess.Intent, out var words)) return matches;
        var kept = read.ToHashSet(StringComparer.Ordinal);
        var readOtherwise = tokens.Where(t => !kept.Contains(t) && !_catalog.StopWords.Contains(t));
        if (!readOtherwise.Any(t => Array.Exists(words, w => TokenSimilarity.Similar(t, w) || StemKeys(t).Intersect(StemKeys(w), StringComparer.Ordinal).Any())))
            return matches;
        matches.Remove(guess);
        return matches;
    }

    /// <summary>
    /// A question ("?", "¿", or a word of the locale files' question_words: "if", "kung", "comment") is never read as
    /// ending the conversation on the intent model's guess alone: "can i stop?", "et si j'arrête?" ask something, and
    /// the model's "stop" ended the chat under the three-word length guard (system_stop model_guess_max_words). A
    /// phrase or a whole-message word of stop still ends it.
    /// </summary>
    public IReadOnlyList<IntentMatch> WithoutEndingGuessInAQuestion(IReadOnlyList<IntentMatch> matches, string? raw, string[] tokens)
    {
        if (_ending.Count == 0 || !matches.Any(m => _ending.Contains(m.Intent) && string.Equals(m.Phrase, IntentModelOpinion.Phrase, StringComparison.Ordinal)))
            return matches;
        var question = (raw is not null && raw.AsSpan().IndexOfAny('?', '¿', '？') >= 0) || Array.Exists(tokens, _catalog.QuestionWords.Contains);
        return question
            ? [.. matches.Where(m => !_ending.Contains(m.Intent) || !string.Equals(m.Phrase, IntentModelOpinion.Phrase, StringComparison.Ordinal))]
            : matches;
    }

    /// <summary>The phrase of a language request read from "this … in French" (see <see cref="TextAskedInALanguage"/>).</summary>
    public const string TextInALanguagePhrase = "(the text asked in a language)";

    /// <summary>
    /// "Do you have this in French? I want to send it to her mom", "me lo puede mandar en ingles para mi hijo mayor?",
    /// "Is there a version in French for our FSL colleagues?": a language named right after "in" ("en", "sa") in a
    /// message with a word that points at the bot's own text ("this", "version", "lo", "mandar"; languages.yaml
    /// text_in_a_language) asks for that text in that language. The rest of the message says who it is for ("her mom",
    /// "mi hijo", "el patron") and had opened that topic instead (tuned splits: 12 such follow-ups went to parents',
    /// educators', worker topics). The request then leads every other match but a whole-message word; "a lawyer who
    /// speaks Spanish" and "un consejero en español" name no text and stay a need the language qualifies.
    /// </summary>
    private List<IntentMatch> TextAskedInALanguage(List<IntentMatch> matches, string[] tokens)
    {
        var languages = _catalog.Languages;
        if (languages.BeforeALanguage.Count == 0 || !Array.Exists(tokens, languages.TheText.Contains)) return matches;
        string? asked = null;
        for (var i = 1; i < tokens.Length && asked is null; i++)
        {
            if (languages.BeforeALanguage.Contains(tokens[i - 1]) && _languageNames.TryGetValue(tokens[i], out var intent)) asked = intent;
        }
        if (asked is null || matches.Exists(m => m.Score >= ExactScore)) return matches;
        var top = matches.Count == 0 ? Threshold : matches.Max(m => m.Score);
        matches.RemoveAll(m => string.Equals(m.Intent, asked, StringComparison.Ordinal));
        matches.Insert(0, new IntentMatch(asked, Math.Max(top, Threshold) + 0.01, TextInALanguagePhrase, "*") { Complete = true, WordsFound = 2, PhraseWords = 2 });
        return matches;
    }

    /// <summary>
    /// "spanish please my english is not so good", "in english pls, i dont speak french", "en français svp, je comprends
    /// pas l'anglais": a message that names two languages and says one of them is not so (a word of
    /// <see cref="IntentLanguages.Negations"/>) asks for the one it names first and says why with the other. Words alone
    /// cannot tell which is which ("english, i don't speak french" and "french, i don't speak english" have the same
    /// words), so among the language requests matched, the first language named wins (by a hair over the strongest of
    /// them, phrase or model, and over the model's guess of any other intent). "english lang ba or may tagalog din" has no negation: a question about both.
    /// </summary>
    private List<IntentMatch> FirstLanguageNamed(List<IntentMatch> matches, string[] tokens)
    {
        string? first = null;
        var other = false;
        foreach (var token in tokens)
        {
            if (!_languageNames.TryGetValue(token, out var intent)) continue;
            if (first is null) first = intent;
            else if (!string.Equals(first, intent, StringComparison.Ordinal)) other = true;
        }
        if (first is null || !other || !Array.Exists(tokens, _catalog.Languages.Negations.Contains)) return matches;
        var index = matches.FindIndex(m => string.Equals(m.Intent, first, StringComparison.Ordinal));
        if (index < 0) return matches;
        // The model's guess of any intent counts too: trained on questions about the services' languages typed after a
        // list, it read "spanish please my english is not so good" there as one (nav23); the words say which.
        // So does a phrase that names a language ("hablan espanol", the question whether the services speak it): "en
        // español porfa, no hablo bien ingles" after a list asks to be answered in Spanish (nav25).
        var strongest = matches
            .Where(m => _catalog.Languages.LanguageRequests.Contains(m.Intent) || string.Equals(m.Phrase, IntentModelOpinion.Phrase, StringComparison.Ordinal)
                || NamesALanguage(m.Phrase))
            .Max(m => m.Score);
        if (matches[index].Score >= strongest) return matches;
        // Lifted from the model's guess, the request rests on the words now: not "the model's guess alone", which a question
        // about the services shown found by its own phrase would beat (IntentRouter.FoundByItsWords).
        matches[index] = matches[index] with
        {
            Score = strongest + 0.01,
            Phrase = string.Equals(matches[index].Phrase, IntentModelOpinion.Phrase, StringComparison.Ordinal) ? FirstLanguagePhrase : matches[index].Phrase,
        };
        matches.Sort((a, b) => b.Score.CompareTo(a.Score));
        return matches;
    }

    /// <summary>The phrase of a language request the words of the message decided (see <see cref="FirstLanguageNamed"/>).</summary>
    public const string FirstLanguagePhrase = "(language named first)";

    private bool NamesALanguage(string phrase) => _catalog.Words.Tokens(phrase).Any(_languageNames.ContainsKey);

    /// <summary>True when the intent model (if any) reads the message as outside what the bot does.</summary>
    public bool OutOfScope(string[] tokens)
    {
        TextClass? asked = null;
        return OutOfScope(tokens, ref asked);
    }

    /// <summary>As <see cref="OutOfScope(string[])"/>, with the model's reading of the same tokens if it was already asked.</summary>
    public bool OutOfScope(string[] tokens, ref TextClass? modelAsked) => _model?.SaysOutOfScope(tokens, ref modelAsked) == true;

    /// <summary>Content words beyond a greeting or a thanks that make it a preamble rather than the message.</summary>
    public const int SmallTalkPreambleWords = 4;

    /// <summary>
    /// "Hola buenas noches, la casa donde vivimos en Simcoe tiene chinches": a greeting in front of a request is a
    /// courtesy, not the message. Small talk counts only when it is most of what was typed; otherwise the request (or
    /// the model's reading of it) answers.
    /// </summary>
    private List<IntentMatch> WithoutPassingSmallTalk(List<IntentMatch> matches, string[] tokens)
    {
        if (!matches.Exists(m => IntentCatalog.IsSmallTalk(m.Intent)) || matches.Exists(m => m.Score >= ExactScore)) return matches;
        var contentWords = _catalog.ContentWords(tokens).Length;
        return matches.FindAll(m => !IntentCatalog.IsSmallTalk(m.Intent)
            || contentWords - m.PhraseWords < SmallTalkPreambleWords);
    }

    /// <summary>
    /// The score of a repair phrase that is only a small part of a longer message: under a word of anything else and
    /// under a region named beside it (<c>MessageUnderstanding.RegionOnlyScore</c>), still an answer when nothing else is
    /// understood, and never strong enough to keep the model from being asked.
    /// </summary>
    public const double DilutedRepairScore = Threshold - 0.02;

    /// <summary>
    /// What a partial phrase match (some of a phrase's words) that is at most half of the message loses: it is a guess
    /// about a longer message, and the model's reading of the whole (1.5 + its probability) should be able to beat it.
    /// </summary>
    public const double PartialInLongerMessagePenalty = 0.3;

    /// <summary>
    /// Phrases weighed against the length of the message. "q descuentos puede hacer el patron del paycheck" holds "que
    /// puedes hacer" and "me descuentan cosas q no entiendo en el cheque" holds "no entiendo", but neither asks what the
    /// bot can do: a phrase about the conversation itself (help, stop, back, "are you a person") speaks for a message only
    /// when its words are more than half of the message's content words. Inside a longer request it drops to
    /// <see cref="DilutedRepairScore"/>, so the request's own words, or the model's reading of them, answer instead. Any
    /// other phrase found only in part, in a message it is at most half of, loses <see cref="PartialInLongerMessagePenalty"/>.
    /// Whole-message words (100) are never touched. A phrase that ends the conversation (stop) in such a message is dropped.
    /// </summary>
    private List<IntentMatch> InProportion(List<IntentMatch> matches, string[] tokens)
    {
        if (matches.Count == 0) return matches;
        var contentWords = _catalog.ContentWords(tokens).Length;
        var changed = false;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (m.Score >= ExactScore || m.WordsFound * 2 > contentWords) continue;
            if (_ending.Contains(m.Intent))
            {
                // "my friend's boyfriend moved her into his place and she cant leave without him" holds "leave": a
                // guess that ends the conversation of someone telling their situation is never worth it.
                matches.RemoveAt(i--);
            }
            else if (_repair.Contains(m.Intent))
            {
                if (m.Score <= DilutedRepairScore) continue;
                matches[i] = m with { Score = DilutedRepairScore };
            }
            else if (!m.Complete)
            {
                matches[i] = m with { Score = m.Score - PartialInLongerMessagePenalty };
            }
            else
            {
                continue;
            }

            changed = true;
        }
        if (changed) matches.Sort((a, b) => b.Score.CompareTo(a.Score));
        return matches;
    }

    public List<IntentMatch> MatchPhrases(string[] tokens, string? language = null, IReadOnlyList<string[]>? hyphenated = null)
    {
        if (tokens.Length == 0) return [];
        var languageBit = IntentLanguages.Bit(language);
        var inFull = _catalog.Languages.CountsInFull(language);
        if (_catalog.Exact.TryGetValue(string.Join(' ', tokens), out var exactIntent))
            return [new IntentMatch(exactIntent, ExactScore, string.Join(' ', tokens), "*") { Complete = true, WordsFound = tokens.Length }];

        var scratch = MatchScratch.Take();
        try
        {
            return MatchPhrases(tokens, languageBit, inFull, hyphenated, scratch);
        }
        finally
        {
            MatchScratch.Give(scratch);
        }
    }

    private List<IntentMatch> MatchPhrases(string[] tokens, int languageBit, int inFull, IReadOnlyList<string[]>? hyphenated, MatchScratch scratch)
    {
        var phraseHits = scratch.PhraseHits;
        // Per phrase, how many of the words found only frame a question ("paano", "kung", "malalaman").
        var questionHits = scratch.QuestionHits;
        var seenWords = scratch.SeenWords;
        // Per phrase, the first and last place in the message where one of its words was found (see Rank).
        var spans = scratch.Spans;
        // "what do i do" is all stop words: then they are the message (phrases made only of them keep them too).
        var onlyStopWords = Array.TrueForAll(tokens, _catalog.StopWords.Contains);
        // Which phrase read which word from which token, kept only when the message has hyphenated words.
        var partOf = hyphenated is { Count: > 0 } ? HyphenatedWords.Positions(tokens, hyphenated, _catalog.Languages.HyphenPrefixes) : null;
        var reads = partOf is not null && Array.Exists(partOf, h => h >= 0) ? new List<(int Phrase, int Word, int Token)>() : null;
        var at = -1;
        foreach (var token in tokens)
        {
            at++;
            if (!onlyStopWords && _catalog.StopWords.Contains(token)) continue;
            if (_bucketToWords.TryGetValue(TokenSimilarity.Bucket(token), out var candidates))
            {
                foreach (var word in candidates)
                {
                    if (TokenSimilarity.Similar(token, _vocabulary[word])) Hit(word, exact: string.Equals(token, _vocabulary[word], StringComparison.Ordinal));
                }
            }
            foreach (var key in StemKeys(token))
            {
                if (!_stemToWords.TryGetValue(key, out var sameStem)) continue;
                foreach (var word in sameStem) Hit(word, exact: false);
            }
        }
        if (reads is not null) WithoutPartsOfHyphenatedWords(phraseHits, reads, partOf!, tokens, onlyStopWords);
        // Content words before each place: how many words of something else lie inside a phrase's span.
        var contentBefore = new int[tokens.Length + 1];
        for (var i = 0; i < tokens.Length; i++) contentBefore[i + 1] = contentBefore[i] + (onlyStopWords || !_catalog.StopWords.Contains(tokens[i]) ? 1 : 0);
        return Rank(phraseHits, questionHits, Array.Exists(tokens, _catalog.Languages.Negations.Contains), spans, contentBefore);

        void Hit(int word, bool exact)
        {
            if (reads is not null)
            {
                foreach (var phrase in _wordToPhrases[word])
                {
                    if (Counts(phrase, word)) reads.Add((phrase, word, at));
                }
            }
            if (seenWords.TryGetValue(word, out var wasExact))
            {
                if (wasExact || !exact) return;
                // The same word seen exactly after approximately: it is no longer approximate.
                seenWords[word] = true;
                foreach (var phrase in _wordToPhrases[word])
                {
                    if (Counts(phrase, word)) phraseHits[phrase] = phraseHits[phrase] with { Approximate = phraseHits[phrase].Approximate - 1 };
                }
                return;
            }
            seenWords[word] = exact;
            foreach (var phrase in _wordToPhrases[word])
            {
                if (!Counts(phrase, word)) continue;
                var (hits, approximate, specificity, rarity) = phraseHits.GetValueOrDefault(phrase);
                phraseHits[phrase] = (hits + 1, approximate + (exact ? 0 : 1), specificity + _specificity[word], rarity + _rarity[word]);
                spans[phrase] = spans.TryGetValue(phrase, out var span) ? (Math.Min(span.First, at), Math.Max(span.Last, at)) : (at, at);
                if (_questionWord[word]) questionHits[phrase] = questionHits.GetValueOrDefault(phrase) + 1;
            }
        }

        // A phrase of another language counts only for the words the message's language does not use itself
        // (IntentLanguages.Counts, precomputed per phrase and word).
        bool Counts(int phrase, int word) =>
            languageBit == 0 || (_phraseLocale[phrase] & inFull) != 0 || (_wordLocales[word] & languageBit) == 0
            || _phraseAnyLanguage[phrase] || _wordShared[word];
    }

    /// <summary>
    /// The tables one <see cref="MatchPhrases(string[], string?, IReadOnlyList{string[]}?)"/> fills, kept per thread and
    /// cleared after use: built anew, the phrase table grew through several sizes on every message (about 2 % of the
    /// bytes a host turn allocated, and 3 % of its CPU in resizing). Cleared tables enumerate in insertion order as new
    /// ones do, so <see cref="Rank"/> sees the phrases in the same order. Tables grown past
    /// <see cref="MaxKeptEntries"/> by a rare long message are not kept.
    /// </summary>
    private sealed class MatchScratch
    {
        private const int MaxKeptEntries = 4096;

        [ThreadStatic]
        private static MatchScratch? t_kept;

        public Dictionary<int, (int Hits, int Approximate, double Specificity, double Rarity)> PhraseHits { get; } = [];

        public Dictionary<int, int> QuestionHits { get; } = [];

        public Dictionary<int, bool> SeenWords { get; } = [];

        public Dictionary<int, (int First, int Last)> Spans { get; } = [];

        public static MatchScratch Take()
        {
            var scratch = t_kept ?? new MatchScratch();
            t_kept = null;
            return scratch;
        }

        public static void Give(MatchScratch scratch)
        {
            if (scratch.PhraseHits.Count > MaxKeptEntries || scratch.SeenWords.Count > MaxKeptEntries)
            {
                return;
            }

            scratch.PhraseHits.Clear();
            scratch.QuestionHits.Clear();
            scratch.SeenWords.Clear();
            scratch.Spans.Clear();
            t_kept = scratch;
        }
    }

    /// <summary>
    /// A phrase that reads a word only from inside a hyphenated word, without its other parts, is not found: "kamag-anak
    /// ko" (my relative) holds the words "anak ko" (my child), and "non-emergency" the word "emergency". Parts that are
    /// stop words do not count ("aide-moi" is "aide"); a phrase that reads every other part ("i-block", "labing-isa") is
    /// found, and so is one that finds the same word elsewhere in the message.
    /// </summary>
    private void WithoutPartsOfHyphenatedWords(Dictionary<int, (int Hits, int Approximate, double Specificity, double Rarity)> phraseHits,
        List<(int Phrase, int Word, int Token)> reads, int[] partOf, string[] tokens, bool onlyStopWords)
    {
        var contentParts = new Dictionary<int, List<int>>();
        for (var t = 0; t < tokens.Length; t++)
        {
            if (partOf[t] < 0 || (!onlyStopWords && _catalog.StopWords.Contains(tokens[t]))) continue;
            if (!contentParts.TryGetValue(partOf[t], out var list)) contentParts[partOf[t]] = list = [];
            list.Add(t);
        }
        foreach (var byPhrase in reads.GroupBy(r => r.Phrase))
        {
            var covered = byPhrase.Select(r => r.Token).ToHashSet();
            var cut = byPhrase.GroupBy(r => r.Word).Any(byWord =>
                byWord.All(r => partOf[r.Token] >= 0)
                && byWord.Any(r => contentParts.TryGetValue(partOf[r.Token], out var parts) && parts.Count >= 2 && !parts.TrueForAll(covered.Contains)));
            if (cut) phraseHits.Remove(byPhrase.Key);
        }
    }

    /// <summary>"locale:stem" for every language whose stemmer shortens the word to a stem of 4 letters or more.</summary>
    private static IEnumerable<string> StemKeys(string word)
    {
        if (word.Length < MinStemLength + 1) yield break;
        var stems = MessageWords.Stems(word);
        for (var i = 0; i < stems.Length; i++)
        {
            if (stems[i].Length >= MinStemLength) yield return LocaleResolver.Supported[i] + ":" + stems[i];
        }
    }

    /// <param name="messageNegated">Whether the message has a word of <see cref="IntentLanguages.Negations"/>.</param>
    private List<IntentMatch> Rank(Dictionary<int, (int Hits, int Approximate, double Specificity, double Rarity)> phraseHits,
        Dictionary<int, int> questionHits, bool messageNegated, Dictionary<int, (int First, int Last)> spans, int[] contentBefore)
    {
        var best = new Dictionary<string, IntentMatch>(StringComparer.Ordinal);
        foreach (var (index, (hits, approximate, specificity, rarity)) in phraseHits)
        {
            // A phrase that says "not" is found only in a message that says "not" too: the words left of "je ne veux
            // pas le dire" (skip) are "dire", which "vas-tu le dire à ma mère" also has, and "i don't want to say" found
            // in part is "i want to say thank you"; the meaning was the negation.
            if (_phraseNegated[index] && !messageNegated) continue;
            var phrase = _catalog.Phrases[index];
            var size = phrase.Tokens.Length;
            var complete = hits >= size;
            // A partial match needs two words and most of the phrase: "boss passport" for "boss kept my passport".
            if (!complete && (hits < 2 || hits * 3 < size * 2)) continue;
            // ... and a word that says what it is about: "paano malalaman kung healthy yung relationship" finds the
            // question of "paano malalaman kung trafficking" (how do I know if), not its subject.
            if (!complete && questionHits.GetValueOrDefault(index) >= hits) continue;
            // A phrase found only in part counts its words by how distinctive they are: "employer has my work permit"
            // found as "employer ... work" lacks the word that says what it is about, and scores as its share of the
            // phrase's rarity (never more than the words found), so the common words alone fall under the threshold.
            var score = complete ? size + 0.5 : _phraseRarity[index] > 0 ? Math.Min(hits, size * rarity / _phraseRarity[index]) : hits;
            if (score < Threshold) continue;
            // Words found only as a stem, a prefix or a typo count a little less than the same word typed exactly:
            // "whats grooming" is grooming, not "whatsapp".
            score -= ApproximatePenalty * Math.Min(approximate, size);
            // Ties go to the phrase whose words belong to fewer intents (at most +0.04: never more than a word).
            score += SpecificityBonus * Math.Min(specificity, size) / Math.Max(hits, 1);
            // Ties go to the phrase found together over one found in scattered words: "j'ai besoin de parler à
            // quelqu'un après ce qui m'est arrivé en ligne" is "parler à quelqu'un" (counselling), not "quelqu'un en
            // ligne" (someone online) made of its first and last words (nav29).
            if (spans.TryGetValue(index, out var found))
                score -= ScatterPenalty * Math.Min(MaxScatterWords, contentBefore[found.Last + 1] - contentBefore[found.First] - Math.Min(hits, size));
            if (!best.TryGetValue(phrase.Intent, out var current) || current.Score < score)
                best[phrase.Intent] = new IntentMatch(phrase.Intent, score, phrase.Text, phrase.Locale) { Complete = complete, PhraseWords = size, WordsFound = Math.Min(hits, size) };
        }
        var result = best.Values.ToList();
        result.Sort((a, b) => b.Score.CompareTo(a.Score));
        return result;
    }
}
