using AwarenessBot.Analysis.Model;
using AwarenessBot.Catalog;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Runtime;

/// <summary>What a message means at a step, before the step's own buttons have their say.</summary>
/// <param name="Matches">The intents matched, with region_only / age_only where the slots mean just that.</param>
/// <param name="Intent">The router's choice at the waiting step, else null.</param>
/// <param name="RegionRequest">At the profile's region question: a clear request beside the region (it opens after the region is kept).</param>
/// <param name="PlaceInPassing">The message names a place but asks nothing the bot does ("va a nevar mañana en toronto?"):
/// not where the person is.</param>
/// <param name="OutOfScope">Nothing in the message is understood, it states no age and no place but in passing, it is more
/// than a word or two, and the intent model reads the whole as out of scope ("can you fill out the form for me", "peux-tu m'écrire mon
/// travail lol"): a request the bot does not do, not a wrong answer to the question.</param>
/// <param name="Language">The language the message is written in (<see cref="IntentMatcher.MessageLanguage"/>), null if unknown.</param>
internal sealed record MessageMeaning(MessageSlots Slots, IReadOnlyList<IntentMatch> Matches, RoutedIntent? Intent, RoutedIntent? RegionRequest, bool PlaceInPassing = false,
    bool OutOfScope = false, string? Language = null);

/// <summary>
/// The one place that decides what a message means: slots, intents (phrases, then the model), the slot intents and
/// the router. The engine acts on it and eval-intents measures it, so the figures cannot drift from the product.
/// </summary>
internal sealed class MessageUnderstanding(IntentMatcher matcher, IntentRouter router, SlotReader slotReader)
{
    public IntentMatcher Matcher => matcher;

    public IntentRouter Router => router;

    /// <summary>The words allowed around a choice's number ("4 po", "the 4th one"): slots.yaml choice_numbers.</summary>
    public ChoiceNumberWords ChoiceNumbers => slotReader.ChoiceNumbers;

    /// <summary>Region, age band and audience; a bare number is an age only at an age question.</summary>
    public MessageSlots Slots(string? raw, StepDefinition? waiting) =>
        slotReader.Read(raw, bareNumberIsAge: AsksAgeBand(waiting));

    /// <summary>
    /// The step asks for an age band: the person's own (it stores profile.age_band) or another one, such as the
    /// educators' "Which age group do you work with?" (at least two of its buttons are bands of slots.yaml). There a
    /// bare number, a grade or a school stage is the age ("my students are 14", "grade 9", "secondaire 3").
    /// </summary>
    public bool AsksAgeBand(StepDefinition? step) =>
        step is not null && (step.Store == FieldAccess.ProfileAgeBand || step.Choices.Count(c => slotReader.IsBand(c.Value)) >= 2);

    /// <param name="servicesShown">Services were shown in this conversation (see <see cref="IntentRouter.Choose"/>).</param>
    /// <param name="locale">The conversation's language, if known: with the message's own words it says which language
    /// the message is written in, and other languages' phrases count less (see <see cref="IntentLanguages"/>).</param>
    /// <param name="localeBefore">The language the conversation was in before this message, if known (else <paramref name="locale"/>):
    /// asking for it after a list of services asks whether they speak it (see <see cref="IntentRouter.Choose"/>).</param>
    public MessageMeaning Read(string? raw, MessageSlots slots, bool welcomed, StepDefinition? waiting, bool servicesShown = false, string? locale = null,
        string? localeBefore = null)
    {
        var tokens = matcher.Catalog.Words.Tokens(raw);
        var language = matcher.MessageLanguage(tokens, locale);
        // A step that listens to anything else ("tell me more") keeps what it hears: the model's guess would turn
        // "like with his friends" back into the topic being discussed.
        var expected = waiting?.Routes.Select(r => r.Intent).ToHashSet(StringComparer.Ordinal);
        // The intent model reads a message once: its first reading answers the later questions too (out of scope).
        TextClass? modelAsked = null;
        var hyphenated = HyphenatedWords.In(raw);
        var matched = matcher.WithoutEndingGuessInAQuestion(
            matcher.MatchTokens(tokens, expected, askModel: waiting?.Otherwise is null, language, ref modelAsked, hyphenated), raw, tokens);
        if (waiting is { Otherwise: not null, OpenTopics: true } && matched.Count == 0) matched = ClearTopic(tokens, expected, waiting, language, ref modelAsked, hyphenated);
        if (OneWordInPassing(matched, tokens) && matcher.OutOfScope(tokens, ref modelAsked)) matched = [];
        // "va a nevar mañana en toronto?" names a place but asks nothing the bot does: not that region's help.
        var placeOnlyInPassing = slots.Region is not null && matched.Count == 0 && matcher.OutOfScope(tokens, ref modelAsked);
        var matches = WithSlotIntents(matched, placeOnlyInPassing ? slots with { Region = null } : slots, welcomed, waiting);
        var intent = router.Choose(matches, waiting, servicesShown, namesAService: slots.Service is not null, localeBefore ?? locale, tokens);
        if (WithoutAnUnansweredTail(tokens, matches, intent, waiting, language, hyphenated) is { } rest
            && router.Choose(rest, waiting, servicesShown, namesAService: slots.Service is not null, localeBefore ?? locale, tokens) is { } restIntent
            && (intent is null || restIntent.Match.Score > intent.Match.Score)
            && (restIntent.Match.Phrase != IntentModelOpinion.Phrase ? restIntent.Match.WordsFound >= TailRestWords : restIntent.Match.Score >= ClearTopicScore)
            && !matcher.OutOfScope(tokens, ref modelAsked))
            intent = restIntent;
        if (AgeAnswers(waiting, slots, intent)) intent = null;
        // "do my homework" at "Which province or territory?" or "How old are you?" is more likely an answer the bot does
        // not know than a request (as for the model's reading below): the question is asked again.
        if (intent?.Flow?.Id == FlowCatalog.OutOfScope && waiting is not null && !DialogEngine.AsksNoSlot(waiting)) intent = null;
        if (!servicesShown && intent is not null && IntentRouter.AsksAboutServices(intent) && !AboutHelp(tokens, slots, intent, ref modelAsked)) intent = null;
        var outOfScope = intent is null && (slots.Region is null || placeOnlyInPassing) && slots.AgeBand is null
            && matcher.Catalog.ContentWords(tokens).Length >= OutOfScopeWords && matcher.OutOfScope(tokens, ref modelAsked);
        // "shippagan" alone at the region question is where the person is: the intent model read "pagan" (they pay) in it.
        return new MessageMeaning(slots, matches, intent, waiting is null || slots.RegionIsWholeMessage ? null : RegionAndRequest(waiting, slots, intent), placeOnlyInPassing,
            outOfScope, language);
    }

    /// <summary>
    /// Content words a message needs before the model's "out of scope" says it asks for something the bot does not do:
    /// a short reply ("lol", "yes ok") the model cannot place is still a reply to the question.
    /// </summary>
    private const int OutOfScopeWords = 3;

    /// <summary>
    /// Content words a message needs beside a question that cannot be answered here before the rest is read alone, and
    /// the words a phrase must find in the rest (the model, trained on whole messages, must read the rest with a clear
    /// majority: <see cref="ClearTopicScore"/>).
    /// </summary>
    private const int TailRestWords = 2;

    /// <summary>
    /// "ok mais si la personne a déjà mes photos, je fais quoi?", "eh pano kung nagbayad na ko? ano gagawin ko": the
    /// strongest phrase is a question only a crisis answer takes ("what do I do"), which means nothing here, and the
    /// rest of the message is what it is about. The rest is read alone (phrases and the model) and its reading, if
    /// it beats what the whole message gave, answers. Null when the best match means something here, or too little is left.
    /// </summary>
    private IReadOnlyList<IntentMatch>? WithoutAnUnansweredTail(string[] tokens, IReadOnlyList<IntentMatch> matches, RoutedIntent? chosen,
        StepDefinition? waiting, string? language, IReadOnlyList<string[]> hyphenated)
    {
        if (matches is not [{ Complete: true } top, ..] || top.Phrase == IntentModelOpinion.Phrase || top.Score >= IntentMatcher.ExactScore
            || ReferenceEquals(chosen?.Match, top) || router.Choose([top], waiting) is not null)
            return null;
        var phraseWords = matcher.Catalog.Words.Tokens(top.Phrase).ToHashSet(StringComparer.Ordinal);
        var rest = tokens.Where(t => !phraseWords.Contains(t)).ToArray();
        if (matcher.Catalog.ContentWords(rest).Length < TailRestWords) return null;
        TextClass? restAsked = null;
        return matcher.MatchTokens(rest, waiting?.Routes.Select(r => r.Intent).ToHashSet(StringComparer.Ordinal), askModel: waiting?.Otherwise is null,
            language, ref restAsked, hyphenated);
    }

    /// <summary>
    /// "help me with my math homework", "whats the weather in toronto tmrw": the best a phrase found is one word ("help",
    /// "whatsapp" from "whats") in a longer message. When the intent model reads the whole message as out of scope,
    /// that word is not the request: nothing is understood (and a place named is only in passing).
    /// </summary>
    private bool OneWordInPassing(IReadOnlyList<IntentMatch> matched, string[] tokens) =>
        matched is [{ WordsFound: <= 1, Score: < IntentMatcher.ExactScore } best, ..] && best.Phrase != IntentModelOpinion.Phrase
        && best.WordsFound * 2 < matcher.Catalog.ContentWords(tokens).Length;

    /// <summary>
    /// At the profile's age question, an age the message states is the answer over what only says who is writing, where,
    /// or asks about ages (<see cref="AboutAges"/>: "grade 5 po", "je suis en secondaire 2"): a child's age ("my daughter is 12", "mi hijo tiene 10": a parent, the child's band, see
    /// an audience marked about_a_child in the catalog) over the educators' overview its words suggest, and a place named
    /// beside the age ("16 i live in the yukon", kept anyway) over that region's help; a grade ("grade 5", "sexto grado")
    /// over a phrase about ages found in part, and any age over a match weaker than a whole word. A clear request (as at the region
    /// question) and any topic still open, the age kept ("28 ans. le recruteur m'a pris 2 mois de salaire").
    /// </summary>
    private bool AgeAnswers(StepDefinition? waiting, MessageSlots slots, RoutedIntent? intent) =>
        waiting?.Store == FieldAccess.ProfileAgeBand && slots.AgeBand is not null
        && intent is { Role: not IntentRole.Route }
        && ((intent.Match.Score < AlsoAskedScore
                && (BotCatalog.Default.IsAboutAChild(slots.Audience) || intent.Match.Intent == IntentCatalog.RegionOnly || AboutAges(intent.Flow)))
            // "grade 5", "5e année" are two words of "is it ok for grade 5": a phrase about ages found only in part;
            // "sexto grado" is "sextortion" only as a prefix, under a whole word's score.
            || (!intent.Match.Complete && AboutAges(intent.Flow))
            // "28 ans, je suis travailleur agricole", "38 po, caregiver", "tengo 35, soy trabajador agricola": who the
            // person is (an audience of slots.yaml) beside the age only opens a module at its menu of topics, where the
            // profile leads anyway; the model reading the whole message as that module with a clear majority is a
            // request ("j'ai 24 ans, travailleur agricole, je veux savoir mes droits ici").
            || (slots.Audience is not null && OpensAtItsMenu(intent)
                && intent.Match.Score < (intent.Match.Phrase == IntentModelOpinion.Phrase ? AlsoAskedScore : IntentMatcher.ExactScore))
            || intent.Match.Score < IntentMatcher.Threshold);

    /// <summary>The intent opens its flow at the start (no step of its own) and the flow starts with a menu of topics.</summary>
    private static bool OpensAtItsMenu(RoutedIntent intent) =>
        intent is { Role: IntentRole.Module, Trigger.Step: null, Flow: { } flow } && flow.FirstStep.Kind == StepKind.AskChoice;

    /// <summary>
    /// A flow that asks for an age band itself (the educators' age-group question): its intents are about ages ("grade
    /// 5" is also "is it ok for grade 5"), so at the age question the age stated is the answer.
    /// </summary>
    private bool AboutAges(FlowDefinition? flow) => flow is not null && flow.Steps.Any(AsksAgeBand);

    /// <summary>
    /// Before any list, a question about services is about the help the bot finds only when a whole phrase of it is most
    /// of the message ("is it free?", "are they open on weekends?") or it names a kind of service ("is the hotline free?"), and
    /// the intent model does not read it as out of scope. "cuanto cuesta un vuelo a mexico", "quelle heure il est a
    /// Paris" hold the words of a question about cost or hours but ask about something else: out of scope (nothing
    /// understood), not "I haven't shown services yet" and the need menu.
    /// </summary>
    private bool AboutHelp(string[] tokens, MessageSlots slots, RoutedIntent intent, ref TextClass? modelAsked)
    {
        if (matcher.OutOfScope(tokens, ref modelAsked)) return false;
        if (slots.NamesServiceKind || intent.Match.Phrase == IntentModelOpinion.Phrase) return true;
        return intent.Match.Complete && intent.Match.WordsFound * 2 > matcher.Catalog.ContentWords(tokens).Length;
    }

    /// <summary>
    /// At a listening step that opens topics (after a crisis answer), a message no phrase explains but the model reads
    /// as one of the bot's topics with a clear majority ("reclutador", "sueldo", "grooming"): that topic. Only a module
    /// counts - the model's other guesses (a follow-up it half-recognises, an interruption) would put words in the
    /// person's mouth where listening is the safe answer.
    /// </summary>
    private IReadOnlyList<IntentMatch> ClearTopic(string[] tokens, IReadOnlySet<string>? expected, StepDefinition waiting, string? language, ref TextClass? modelAsked,
        IReadOnlyList<string[]> hyphenated) =>
        matcher.MatchTokens(tokens, expected, askModel: true, language, ref modelAsked, hyphenated) is [{ Phrase: IntentModelOpinion.Phrase, Score: >= ClearTopicScore } guess, ..]
        && router.Choose([guess], waiting) is { Role: IntentRole.Module }
            ? [guess]
            : [];

    /// <summary>
    /// The model's score (1.5 + probability) a topic needs at a listening step: more than even odds among the
    /// intents, well above the 0.2 floor used where a wrong guess only costs a re-prompt.
    /// </summary>
    public const double ClearTopicScore = IntentMatcher.Threshold + 0.5;

    /// <summary>
    /// A message that names a place means that region's help (region_only) unless something else in it is understood
    /// ("a shelter in Edmonton" is shelter, with Alberta kept); one that only states an age means just that (age_only).
    /// A question that asks for the region or the age takes the answer itself.
    /// </summary>
    private IReadOnlyList<IntentMatch> WithSlotIntents(
        IReadOnlyList<IntentMatch> matches, MessageSlots slots, bool welcomed, StepDefinition? waiting)
    {
        // "anything in Lethbridge?", "hay algo en Lethbridge?": the place and a question about what help is there.
        if (slots.Region is not null && waiting?.Kind != StepKind.AskRegion && slots.AsksWhatIsThere && slotReader.RegionAskIntent is { } asked)
            return [new IntentMatch(asked, RegionOnlyScore, RegionAskedPhrase, "*"), .. matches];
        if (slots.Region is not null && waiting?.Kind != StepKind.AskRegion)
            return [new IntentMatch(IntentCatalog.RegionOnly, RegionOnlyScore, "", "*"), .. matches];
        if (slots.AgeBand is not null && matches.Count == 0 && welcomed && waiting?.Store != FieldAccess.ProfileAgeBand)
            return [new IntentMatch(IntentCatalog.AgeOnly, IntentMatcher.Threshold, "", "*")];
        return matches;
    }

    /// <summary>
    /// At the profile's region question, a message that names a region and clearly asks for something else (a whole
    /// phrase of two words or more, or the model at least as sure as even): the request, opened after the region is kept.
    /// </summary>
    private static RoutedIntent? RegionAndRequest(StepDefinition step, MessageSlots slots, RoutedIntent? intent) =>
        step.Kind == StepKind.AskRegion && step.Store == FieldAccess.ProfileRegion && slots.Region is not null
        && intent is { Role: IntentRole.Module or IntentRole.Interruption, Flow: not null, Match.Score: >= AlsoAskedScore }
            ? intent
            : null;

    /// <summary>How strong a request beside a region answer must be to open (see <see cref="RegionAndRequest"/>).</summary>
    public const double AlsoAskedScore = 2.0;

    /// <summary>The phrase of a request for a region's help read from the place and a question about what is there.</summary>
    public const string RegionAskedPhrase = "(region asked)";

    /// <summary>Just under one whole word: any word understood wins over the region named beside it.</summary>
    public const double RegionOnlyScore = IntentMatcher.Threshold - 0.01;
}
