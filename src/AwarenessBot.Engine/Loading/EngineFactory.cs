using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Rendering;
using AwarenessBot.Engine.Runtime;
using AwarenessBot.Engine.Runtime.Steps;
using AwarenessBot.Engine.Understanding;
using AwarenessBot.Engine.Validation;

namespace AwarenessBot.Engine.Loading;

/// <summary>
/// Loads and validates flows, intents and regions once, fails fast with every error, and wires the engine.
/// </summary>
public static class EngineFactory
{
    /// <exception cref="FlowValidationException">The flows (or what they refer to) are not valid; lists every error.</exception>
    public static IDialogEngine Create(string dialogsDirectory, string seedsDirectory, IContentRepository content, IServiceDirectory services)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(services);
        var intentsDirectory = Path.Combine(seedsDirectory, "intents");
        var (report, flows) = FlowValidator.Run(dialogsDirectory, content, services, intentsDirectory);
        if (!report.IsValid) throw new FlowValidationException(report);
        var intents = IntentCatalog.Load(intentsDirectory, MessageWords.Load(seedsDirectory));
        var regions = RegionCatalog.Load(Path.Combine(intentsDirectory, "regions.yaml"));
        return Build(flows, intents, SlotReader.Load(intentsDirectory, regions, intents.Languages.HyphenPrefixes), content, services, IntentModelOpinion.Load(seedsDirectory, intents));
    }

    /// <summary>
    /// The lesson choices read from the flows alone (schema and flow structure checked, not the content or services
    /// they name): for hosts that serve the page without running the engine.
    /// </summary>
    public static ILessonCatalog LoadLessons(string dialogsDirectory, string seedsDirectory)
    {
        var (report, flows) = FlowValidator.Run(dialogsDirectory, null, null, Path.Combine(seedsDirectory, "intents"));
        if (!report.IsValid) throw new FlowValidationException(report);
        return new LessonCatalog(flows);
    }

    /// <summary>The lesson choices of an engine this factory built (an empty catalog for any other engine).</summary>
    public static ILessonCatalog LessonsOf(IDialogEngine engine) =>
        engine is DialogEngine built ? built.Lessons : NoLessons.Instance;

    private sealed class NoLessons : ILessonCatalog
    {
        public static readonly NoLessons Instance = new();

        public IReadOnlyList<LessonOption> Modules => [];

        public IReadOnlyList<LessonOption> AgeBands => [];

        public IReadOnlyList<LessonOption> Locales => [];

        public LessonStart? Resolve(string? moduleId, string? ageBand, string? locale) => null;
    }

    internal static IDialogEngine Build(
        IReadOnlyList<FlowDefinition> flows, IntentCatalog intents, SlotReader slots, IContentRepository content, IServiceDirectory services,
        IntentModelOpinion? model = null)
    {
        var regions = slots.Regions;
        var catalog = new FlowCatalog(flows, content, intents);
        var stack = new DialogStack(catalog);
        var renderer = new ContentRenderer(content, services);
        var handlers = new Dictionary<StepKind, IStepHandler>
        {
            [StepKind.Show] = new ShowHandler(renderer),
            [StepKind.AskChoice] = new AskChoiceHandler(renderer, catalog),
            [StepKind.AskText] = new AskTextHandler(renderer, catalog),
            [StepKind.AskRegion] = new AskRegionHandler(renderer, catalog, regions),
            [StepKind.Quiz] = new QuizHandler(renderer, stack),
            [StepKind.Branch] = new BranchHandler(),
            [StepKind.Set] = new SetHandler(),
            [StepKind.Call] = new CallHandler(stack),
            [StepKind.Link] = new LinkHandler(stack),
            [StepKind.Services] = new ServicesHandler(services, new ServiceRenderer(renderer), renderer, catalog, regions),
            [StepKind.ServiceDetails] = new ServiceDetailsHandler(services, renderer),
            [StepKind.Effect] = new EffectHandler(),
            [StepKind.End] = new EndHandler(),
        };
        var runtime = new DialogRuntime(stack, handlers, renderer);
        var understanding = new MessageUnderstanding(new IntentMatcher(intents, model, FlowCatalog.RepairIntents(flows), FlowCatalog.EndingIntents(flows)), new IntentRouter(catalog), slots);
        return new DialogEngine(runtime, understanding, new ConversationPatterns(runtime, renderer));
    }
}
