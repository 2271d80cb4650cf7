using AwarenessBot.Analysis.Model;
using System.Text.Json;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Runtime;
using AwarenessBot.Engine.Understanding;
using AwarenessBot.Engine.Validation;

namespace AwarenessBot.Engine.Evaluation;

/// <summary>One labelled navigation message (a line of seeds/corpus/intents/*.jsonl).</summary>
/// <param name="Context">first | main_menu | in_topic | asked_need | asked_region | asked_age | after_services: where it was typed.</param>
/// <param name="Intent">The intent it should reach; region_only / age_only when it only gives a region or an age.</param>
/// <param name="Region">The province or territory it names (the person's, not one they left), else null.</param>
public sealed record LabelledMessage(string Lang, string Context, string Text, string Intent, string? Region);

/// <summary>Per-language counts: intent right, region right (null = none named counts too), and regions named.</summary>
public sealed record LanguageScore(string Lang, int Count, int IntentCorrect, int RegionCorrect, int RegionNamed, int RegionNamedCorrect)
{
    public double IntentAccuracy => Count == 0 ? 0 : (double)IntentCorrect / Count;
    public double RegionAccuracy => Count == 0 ? 0 : (double)RegionCorrect / Count;
    public double RegionRecall => RegionNamed == 0 ? 1 : (double)RegionNamedCorrect / RegionNamed;
}

public sealed record IntentEvaluationReport(IReadOnlyList<LanguageScore> Languages, IReadOnlyList<string> Misses);

/// <summary>
/// Measures intent understanding with the engine's own <see cref="MessageUnderstanding"/> (matcher, slot rules,
/// router) at the real step each line was typed at, on a labelled file. Prints figures per language; misses
/// only on request, and never for a frozen test split.
/// </summary>
public static class IntentEvaluation
{
    /// <summary>What a message gets when no intent, region or age was understood.</summary>
    private const string NothingUnderstood = "none";

    /// <summary>The intent of a request put to the bot that it does not do (seeds/intents, system_out_of_scope's trigger).</summary>
    internal const string BotCannotDo = "bot_cannot_do";

    /// <summary>
    /// Engine intents that the label set names differently: the "boyfriend" topic covers boyfriend exploitation, a
    /// secret meeting is grooming, "are you a person" is the talk-to-a-person label. Crisis follow-ups are only
    /// answers inside a crisis flow and never a navigation target.
    /// </summary>
    internal static string? Label(string intent) => intent switch
    {
        "youth_exploitation" => "boyfriend",
        "luring_secret" => "grooming",
        "bot_identity" => "human",
        // The topic's signs page opened at once ("what signs would show in a teenager"): the corpora label it the topic.
        "learn_signs" => "learn_trafficking",
        // "is this chat free?": the corpora's writers label questions about the bot itself help.
        "bot_cost" => "help",
        // A request the bot does not do, found by its phrases: the label the model's reading of it has.
        BotCannotDo => IntentCatalog.OutOfScope,
        "identity_indigenous" => null,
        _ when intent.StartsWith("followup_", StringComparison.Ordinal) => null,
        // The educators' flow opened at a step ("is there a lesson plan?", "what do you keep about students?"): the
        // labelled corpora and the writers' brief have one label for every educator's question.
        _ when intent.StartsWith("educator_", StringComparison.Ordinal) => "educators",
        _ => intent,
    };

    public static IReadOnlyList<LabelledMessage> Read(string jsonlPath)
    {
        var rows = new List<LabelledMessage>();
        foreach (var line in File.ReadLines(jsonlPath))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string? Str(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            rows.Add(new LabelledMessage(Str("lang") ?? "", Str("context") ?? "first", Str("text") ?? "", Str("intent") ?? "none", Str("region")));
        }
        return rows;
    }

    /// <summary>Measures the shipped phrases and model.</summary>
    public static IntentEvaluationReport Run(string dialogsDirectory, string seedsDirectory, IReadOnlyList<LabelledMessage> rows, bool collectMisses)
    {
        var catalog = IntentCatalog.Load(Path.Combine(seedsDirectory, "intents"), MessageWords.Load(seedsDirectory));
        return Run(dialogsDirectory, seedsDirectory, catalog, IntentModelOpinion.Load(seedsDirectory, catalog), rows, collectMisses);
    }

    internal static IntentEvaluationReport Run(
        string dialogsDirectory, string seedsDirectory, IntentCatalog catalog, IntentModelOpinion? model, IReadOnlyList<LabelledMessage> rows, bool collectMisses)
    {
        var intentsDirectory = Path.Combine(seedsDirectory, "intents");
        var (validation, flowList) = FlowValidator.Run(dialogsDirectory, null, null, intentsDirectory);
        if (!validation.IsValid) throw new FlowValidationException(validation);
        var flows = new FlowCatalog(flowList, null, catalog);
        var matcher = new IntentMatcher(catalog, model, FlowCatalog.RepairIntents(flowList), FlowCatalog.EndingIntents(flowList));
        var understanding = new MessageUnderstanding(matcher, new IntentRouter(flows),
            SlotReader.Load(intentsDirectory, RegionCatalog.Load(Path.Combine(intentsDirectory, "regions.yaml")), catalog.Languages.HyphenPrefixes));
        var contexts = new ContextSteps(flows);
        var misses = new List<string>();
        var scores = new List<LanguageScore>();
        foreach (var group in rows.GroupBy(r => r.Lang).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int intentOk = 0, regionOk = 0, named = 0, namedOk = 0, count = 0;
            foreach (var row in group)
            {
                count++;
                var waiting = contexts.For(row.Context);
                // In a conversation its language is known (chosen at the welcome, or the one it has been in); a first
                // message has only its own words (the page's language may not be the writer's).
                var locale = row.Context == "first" ? null : row.Lang;
                var meaning = understanding.Read(row.Text, understanding.Slots(row.Text, waiting), row.Context != "first", waiting,
                    servicesShown: row.Context == ContextSteps.AfterServices, locale: locale);
                var read = meaning.Slots;
                // Before the welcome, skip, back and "I don't know" get the welcome (DialogEngine): nothing understood.
                var predicted = row.Context == "first" && meaning.Intent is { Role: IntentRole.Pattern } ? NothingUnderstood : Predict(meaning, waiting);
                // Out of scope is right when nothing was understood (the engine then asks again or shows the menu).
                if (predicted == row.Intent || (row.Intent == IntentCatalog.OutOfScope && predicted == NothingUnderstood)) intentOk++;
                else if (collectMisses) misses.Add($"[{row.Lang}/{row.Context}] \"{row.Text}\": expected {row.Intent}, got {predicted} ({Explain(matcher, catalog, row.Text, locale)})");
                if (read.Region == row.Region) regionOk++;
                else if (collectMisses) misses.Add($"[{row.Lang}/{row.Context}] \"{row.Text}\": region expected {row.Region ?? "none"}, got {read.Region ?? "none"}");
                if (row.Region is not null)
                {
                    named++;
                    if (read.Region == row.Region) namedOk++;
                }
            }
            scores.Add(new LanguageScore(group.Key, count, intentOk, regionOk, named, namedOk));
        }
        return new IntentEvaluationReport(scores, misses);
    }

    private static string Explain(IntentMatcher matcher, IntentCatalog catalog, string text, string? locale)
    {
        var tokens = catalog.Words.Tokens(text);
        TextClass? modelAsked = null;
        return string.Join("; ", matcher.MatchTokens(tokens, null, true, matcher.MessageLanguage(tokens, locale), ref modelAsked, HyphenatedWords.In(text)).Take(3).Select(m => $"{m.Intent} {m.Score:0.###} '{m.Phrase}' {m.Locale}"));
    }

    /// <summary>
    /// The label of what the engine's own understanding chose at that step. The step's buttons are not asked (the
    /// corpus has no button presses), except the two slots they stand for: a region at the region question is its
    /// answer (the region step recognises it before any intent), and an age at the age question when nothing was
    /// routed (the engine's known-slot answer).
    /// </summary>
    private static string Predict(MessageMeaning meaning, StepDefinition? waiting)
    {
        if (meaning.RegionRequest is { } request) return Label(request.Match.Intent) ?? NothingUnderstood;
        if (waiting?.Kind == StepKind.AskRegion && meaning.Slots.Region is not null) return IntentCatalog.RegionOnly;
        if (meaning.Intent is { } intent && Label(intent.Match.Intent) is { } label) return label;
        if (meaning.Slots.AgeBand is not null && waiting?.Store == "profile.age_band") return IntentCatalog.AgeOnly;
        return NothingUnderstood;
    }

    /// <summary>
    /// The real step each corpus context was typed at: the main menu, the need question, the profile's region and
    /// age questions (found by what they store); before the welcome and inside a topic nothing is waiting.
    /// </summary>
    private sealed class ContextSteps(FlowCatalog flows)
    {
        public const string AfterServices = "after_services";

        private readonly StepDefinition? _menu = flows.Find(FlowCatalog.MainMenu)?.FirstStep;
        private readonly StepDefinition? _need = Find(flows, s => s.Store == "value.need" && s.Kind == StepKind.AskChoice);
        private readonly StepDefinition? _region = Find(flows, s => s.Store == "profile.region" && s.Kind == StepKind.AskRegion);
        private readonly StepDefinition? _age = Find(flows, s => s.Store == "profile.age_band");

        // Where a person is right after a list of services for their need: the question the services step leads to.
        private readonly StepDefinition? _afterServices = flows.Flows.OrderBy(f => f.Id, StringComparer.Ordinal)
            .SelectMany(f => f.Steps.Where(s => s.Kind == StepKind.Services && s.ServiceIds.Count == 0 && s.Next?.Step is not null)
                .Select(s => f.FindStep(s.Next!.Step!)))
            .FirstOrDefault(s => s is { Waits: true });

        public StepDefinition? For(string context) => context switch
        {
            "main_menu" => _menu,
            "asked_need" => _need,
            "asked_region" => _region,
            "asked_age" => _age,
            AfterServices => _afterServices,
            _ => null,
        };

        private static StepDefinition? Find(FlowCatalog flows, Func<StepDefinition, bool> where) =>
            (flows.Find(FlowCatalog.Welcome) is { } welcome ? welcome.Steps.FirstOrDefault(where) : null)
            ?? flows.Flows.OrderBy(f => f.Id, StringComparer.Ordinal).SelectMany(f => f.Steps).FirstOrDefault(where);
    }
}
