using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Runtime;

/// <summary>What a recognised intent means here: an interruption, an answer to the waiting step, or a module to open.</summary>
internal enum IntentRole
{
    Interruption = 0,
    Route = 1,
    /// <summary>skip, back, I don't know: act on the waiting step itself (see <see cref="ConversationPatterns"/>).</summary>
    Pattern = 2,
    Module = 3,
}

internal sealed record RoutedIntent(IntentMatch Match, IntentRole Role, FlowDefinition? Flow, TriggerDefinition? Trigger, RouteDefinition? Route);

/// <summary>Picks the strongest match that means something here; on equal scores interruptions beat answers beat patterns beat modules.</summary>
internal sealed class IntentRouter(FlowCatalog flows)
{
    /// <param name="servicesShown">Services were shown in this conversation: questions about them ("do they speak
    /// Spanish?") mean something. Before that they count only when nothing else was understood.</param>
    /// <param name="namesAService">The message names one of the services shown, by kind or place ("the lawyer", "la
    /// première"; <see cref="Language.ServiceNamed"/>).</param>
    /// <param name="locale">The language the conversation was in before this message, if known.</param>
    /// <param name="words">The message's words, stop words included, if known: a question about the services shown
    /// typed word for word wins over an interruption read as strongly (see <see cref="AboutServicesShown"/>).</param>
    public RoutedIntent? Choose(IReadOnlyList<IntentMatch> matches, StepDefinition? waiting, bool servicesShown = false,
        bool namesAService = false, string? locale = null, string[]? words = null)
    {
        var chosen = ChooseAny(matches, waiting, servicesShown, words, out var aboutServices);
        return servicesShown && chosen is not null && !AsksAboutServices(chosen)
            ? AboutServicesShown(chosen, aboutServices, namesAService, locale, words) ?? chosen
            : chosen;
    }

    /// <summary>
    /// Right after a list of services, a question about them that names one of them (by kind or place, see
    /// <see cref="Language.ServiceNamed"/>) is that question: "el abogado cobra?", "yung shelter po may bayad ba?",
    /// "do they charge for staying at the shelter" ask what the lawyer or the shelter just shown costs, not for a list
    /// of lawyers or shelters again. It wins over a need or a topic the same words read as, never over a
    /// whole-message word or a region named (another region's services). And the language the
    /// conversation is already in, asked for after services ("y en español?", "in tagalog po kaya?"), asks whether
    /// they speak it: nobody switches to the language they are writing in.
    /// </summary>
    private RoutedIntent? AboutServicesShown(RoutedIntent chosen, RoutedIntent? aboutServices, bool namesAService, string? locale, string[]? words)
    {
        if (chosen.Flow?.Id == FlowCatalog.Language && locale is not null
            && chosen.Trigger?.Values.TryGetValue(LocaleValue, out var asked) == true && string.Equals(asked, locale, StringComparison.Ordinal))
        {
            if (aboutServices is { Match.Score: >= ServiceQuestionFloor }) return aboutServices;
            return LanguageQuestion is { } language ? language with { Match = chosen.Match with { Intent = language.Match.Intent } } : null;
        }
        if (aboutServices is not { Match.Score: >= ServiceQuestionFloor } || chosen.Match.Score >= IntentMatcher.ExactScore
            || chosen.Match.Intent == IntentCatalog.RegionOnly || chosen.Match.Phrase == MessageUnderstanding.RegionAskedPhrase)
            return null;
        if (namesAService && chosen.Role == IntentRole.Module) return aboutServices;
        // "will they call the police" after a list asks what the services shown will do, not for the police: a
        // question about them typed word for word (its stop words too: "will they") and read as strongly as an
        // interruption ("call the police", the emergency's phrase, once the stop words are dropped) is that question.
        // "call the police" alone still calls for help; danger itself is triage's to hear, ahead of any intent.
        if (chosen.Role == IntentRole.Interruption && aboutServices.Match.Score >= chosen.Match.Score && TypedInFull(aboutServices.Match.Phrase, words))
            return aboutServices;
        return FoundByItsWords(aboutServices, chosen) ? aboutServices : null;
    }

    /// <summary>Every word of the phrase, stop words included, is among the message's words.</summary>
    private static bool TypedInFull(string phrase, string[]? words)
    {
        if (words is null || phrase.Length == 0) return false;
        var phraseWords = Language.TextNormalizer.Tokens(Language.TextNormalizer.Normalize(phrase));
        return phraseWords.Length > 0 && phraseWords.All(w => Array.IndexOf(words, w) >= 0);
    }

    /// <summary>
    /// After a list, a question about the services found by its own phrase beats the intent model's guess alone of an
    /// interruption or a pattern: "y a du clavardage?" asks whether they have a chat, not the model's "stop" (which
    /// would end the conversation). A topic the model reads stays (its guesses of topics there are mostly right: "y
    /// como se reporta la trata si veo algo raro"), and so does a topic phrase found only in part (tried: it lost two
    /// dev lines for one).
    /// </summary>
    private static bool FoundByItsWords(RoutedIntent question, RoutedIntent chosen) =>
        question.Match.Phrase != IntentModelOpinion.Phrase && chosen.Match.Phrase == IntentModelOpinion.Phrase
        && chosen.Role is IntentRole.Interruption or IntentRole.Pattern;

    /// <summary>
    /// How strong a question about the services shown must be to win over a need or a topic after a list of them: a
    /// phrase found, allowing for a word matched only approximately ("cobran" for "cobra").
    /// </summary>
    public const double ServiceQuestionFloor = IntentMatcher.Threshold - IntentMatcher.ApproximatePenalty;

    private const string LocaleValue = "locale";

    /// <summary>The trigger that asks which languages the services shown speak (the service_details step of facet language).</summary>
    private RoutedIntent? LanguageQuestion => _languageQuestion ??= FindLanguageQuestion();

    private RoutedIntent? _languageQuestion;

    private RoutedIntent? FindLanguageQuestion()
    {
        foreach (var flow in flows.Flows)
        {
            foreach (var trigger in flow.Triggers)
            {
                if (trigger.Step is { } id && flow.FindStep(id) is { Kind: StepKind.ServiceDetails, Facet: "language" })
                    return new RoutedIntent(new IntentMatch(trigger.Intent, 0, "", "*"), IntentRole.Interruption, flow, trigger, null);
            }
        }
        return null;
    }

    private RoutedIntent? ChooseAny(IReadOnlyList<IntentMatch> matches, StepDefinition? waiting, bool servicesShown, string[]? words, out RoutedIntent? aboutServicesFound)
    {
        RoutedIntent? best = null;
        RoutedIntent? topic = null;
        RoutedIntent? aboutServices = null;
        RoutedIntent? teaching = null;
        foreach (var match in matches)
        {
            var routed = Classify(match, waiting, words);
            if (routed is null) continue;
            if (routed.Trigger is { OverTopics: true } && match.Score >= IntentMatcher.Threshold && (teaching is null || match.Score > teaching.Match.Score))
                teaching = routed;
            if (AsksAboutServices(routed))
            {
                if (aboutServices is null || match.Score > aboutServices.Match.Score) aboutServices = routed;
                if (!servicesShown) continue;
            }
            if (best is null || MoreSpecific(routed, best)
                || (!MoreSpecific(best, routed) && (match.Score > best.Match.Score || (match.Score == best.Match.Score && routed.Role < best.Role))))
                best = routed;
            if (routed.Role is IntentRole.Module or IntentRole.Route && (topic is null || match.Score > topic.Match.Score)) topic = routed;
        }
        aboutServicesFound = aboutServices;
        // "do you have a lesson on sextortion for grade 8?": the topic is what the lesson is about; the request is the lesson.
        if (teaching is not null && best is { Role: IntentRole.Module, Flow: { Type: FlowType.Module } topicFlow } && !ReferenceEquals(topicFlow, teaching.Flow))
            return teaching;
        // "a lawyer who speaks Spanish", "un consejero en español": a language named beside a need qualifies the
        // need, and "do they speak Spanish?" after a list of services asks about them; neither is a request to
        // switch (the reply's language follows the message's own anyway).
        // "do you have this in French? I want to send it to her mom" asks for the text itself (IntentMatcher.TextAskedInALanguage).
        if (best?.Flow?.Id == FlowCatalog.Language && best.Match.Phrase != IntentMatcher.TextInALanguagePhrase)
        {
            if (topic is not null && topic.Match.Score >= IntentMatcher.Threshold) return topic;
            // The model's guess alone is not such a question: trained on "do they speak Spanish?" typed after lists, it
            // read "spanish please my english is not so good" there as one (nav23).
            // Unless the request is the stronger: a language asked for with a negation of the other ("en español porfa,
            // no hablo bien ingles", lifted by IntentMatcher.FirstLanguageNamed) is a switch, not that question (nav25).
            if (servicesShown && aboutServices is not null && aboutServices.Match.Score >= IntentMatcher.Threshold
                && aboutServices.Match.Score >= best.Match.Score
                && !string.Equals(aboutServices.Match.Phrase, IntentModelOpinion.Phrase, StringComparison.Ordinal))
                return aboutServices;
        }
        return best ?? aboutServices;
    }

    /// <summary>A question about the services just shown (a flow of service_details steps).</summary>
    public static bool AsksAboutServices(RoutedIntent routed) =>
        routed.Flow is { } flow && flow.Steps.Any(s => s.Kind == StepKind.ServiceDetails);

    /// <summary>The most two scores may differ by and still count as the same number of words matched.</summary>
    private const double SameWords = IntentMatcher.ApproximatePenalty + IntentMatcher.SpecificityBonus;

    /// <summary>
    /// Two intents that open the same flow: one that carries the answer ("change language to english": the language
    /// flow with English) beats the flow's bare trigger whenever both matched; one that opens it at a step beats the
    /// bare trigger when as many words matched ("is there a lesson plan" is both the educators' flow and its lesson-plan
    /// step; "my boss won't give me my paychecks" both worker rights and pay).
    /// </summary>
    private static bool MoreSpecific(RoutedIntent candidate, RoutedIntent best)
    {
        if (candidate.Role != best.Role || candidate.Flow is null || !ReferenceEquals(candidate.Flow, best.Flow)
            || best.Trigger is not { Step: null, Values.Count: 0 } || candidate.Trigger is not { } specific)
            return false;
        return specific.Values.Count > 0
            || (specific.Step is not null && Math.Abs(candidate.Match.Score - best.Match.Score) <= SameWords + 1e-9);
    }

    private RoutedIntent? Classify(IntentMatch match, StepDefinition? waiting, string[]? words)
    {
        if (waiting is not null)
        {
            foreach (var route in waiting.Routes)
            {
                if (route.Intent == match.Intent) return new RoutedIntent(match, IntentRole.Route, null, null, route);
            }
        }
        // skip, back, I don't know: on the waiting step, or with none waiting (ConversationPatterns.ApplyWithoutStep).
        if (ConversationPatterns.IsStepPattern(match.Intent)) return new RoutedIntent(match, IntentRole.Pattern, null, null, null);
        if (flows.TriggerFor(match.Intent) is not { } t || t.Flow.Passive) return null;
        if (t.Flow.ModelGuessMaxWords is { } most && match.Phrase == IntentModelOpinion.Phrase && (words is null || words.Length > most)) return null;
        var role = t.Flow.Type is FlowType.Module or FlowType.System ? IntentRole.Module : IntentRole.Interruption;
        return new RoutedIntent(match, role, t.Flow, t.Trigger, null);
    }
}
