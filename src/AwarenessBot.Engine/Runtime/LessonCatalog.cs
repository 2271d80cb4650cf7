using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Runtime;

/// <summary>
/// The lesson choices, from the flows: modules with <c>lesson: true</c> (labelled by the main menu choice that calls
/// them), the welcome's age band question (the step that stores <c>profile.age_band</c>) and its language question
/// (the step whose answer a <c>set</c> copies to <c>profile.locale</c>).
/// </summary>
internal sealed class LessonCatalog : ILessonCatalog
{
    private const string AgeBandField = "profile.age_band";
    private const string LocaleField = "profile.locale";

    public LessonCatalog(IReadOnlyCollection<FlowDefinition> flows)
    {
        var menu = flows.FirstOrDefault(f => f.Id == FlowCatalog.MainMenu);
        Modules = flows
            .Where(f => f.Lesson)
            .OrderBy(f => MenuOrder(menu, f.Id))
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => Option(f.Id, MenuLabels(menu, f.Id)))
            .ToList();
        var welcome = flows.FirstOrDefault(f => f.Id == FlowCatalog.Welcome);
        var steps = welcome?.Steps ?? [];
        AgeBands = ChoicesOf(steps.FirstOrDefault(s => s.Store == AgeBandField));
        var localeStore = steps.FirstOrDefault(s => s.Kind == StepKind.Set && s.Target == LocaleField)?.From;
        Locales = ChoicesOf(steps.FirstOrDefault(s => localeStore is not null && s.Store == localeStore));
    }

    public IReadOnlyList<LessonOption> Modules { get; }

    public IReadOnlyList<LessonOption> AgeBands { get; }

    public IReadOnlyList<LessonOption> Locales { get; }

    public LessonStart? Resolve(string? moduleId, string? ageBand, string? locale) =>
        Find(Modules, moduleId) is { } m && Find(AgeBands, ageBand) is { } b && Find(Locales, locale) is { } l
            ? new LessonStart(m.Value, b.Value, l.Value)
            : null;

    private static LessonOption? Find(IReadOnlyList<LessonOption> options, string? value) =>
        value is null ? null : options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.Ordinal) || string.Equals(o.UrlValue, value, StringComparison.Ordinal));

    private static List<LessonOption> ChoicesOf(StepDefinition? step) =>
        step?.Choices.Select(c => Option(c.Value, c.Label)).ToList() ?? [];

    private static LessonOption Option(string value, IReadOnlyDictionary<string, string> labels) =>
        new(value, value.Replace('-', '_').Replace("+", "_plus", StringComparison.Ordinal), labels);

    private static ChoiceDefinition? MenuChoice(FlowDefinition? menu, string flowId) =>
        menu?.Steps.SelectMany(s => s.Choices).FirstOrDefault(c =>
            c.Next?.Step is { } target && menu.FindStep(target) is { Kind: StepKind.Call or StepKind.Link } call && call.Flow == flowId);

    private static IReadOnlyDictionary<string, string> MenuLabels(FlowDefinition? menu, string flowId) =>
        MenuChoice(menu, flowId)?.Label ?? new Dictionary<string, string>(StringComparer.Ordinal);

    private static int MenuOrder(FlowDefinition? menu, string flowId)
    {
        var choices = menu?.Steps.SelectMany(s => s.Choices).ToList() ?? [];
        var choice = MenuChoice(menu, flowId);
        return choice is null ? int.MaxValue : choices.IndexOf(choice);
    }
}
