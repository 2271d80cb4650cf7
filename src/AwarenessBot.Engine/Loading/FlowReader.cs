using AwarenessBot.Catalog;
using AwarenessBot.Engine.Definitions;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Loading;

/// <summary>Reads one schema-valid flow document into definitions, keeping line numbers for the validator.</summary>
internal static class FlowReader
{
    public static FlowDefinition Read(YamlMappingNode root, string file)
    {
        var steps = root.GetSeq("steps").OfType<YamlMappingNode>().Select(ReadStep).ToList();
        return new FlowDefinition
        {
            Id = root.GetString("id") ?? "",
            Type = ParseType(root.GetString("type")),
            File = file,
            Line = YamlNodes.LineOf(root),
            Description = root.GetString("description") ?? "",
            Locales = root.GetStrings("locales") is { Count: > 0 } l ? l : BotCatalog.Default.RequiredLocales,
            Passive = root.GetBool("passive") ?? false,
            Lesson = root.GetBool("lesson") ?? false,
            Repair = root.GetBool("repair") ?? false,
            BeforeModelOnlySignal = root.GetBool("before_model_only_signal") ?? false,
            ResumeQuietly = root.GetBool("resume_quietly") ?? false,
            ModelGuessMaxWords = root.GetInt("model_guess_max_words"),
            OverTopic = root.GetStrings("over_topic"),
            OverTopicIntents = root.GetStrings("over_topic_intents"),
            Need = root.GetString("need"),
            Beside = root.GetMap("beside") is { } beside
                ? new BesideDefinition(beside.GetString("content") ?? "", beside.GetStrings("services"), YamlNodes.LineOf(beside))
                : null,
            Triggers = root.GetSeq("triggers").OfType<YamlMappingNode>().Select(ReadTrigger).ToList(),
            Steps = steps,
        };
    }

    private static TriggerDefinition ReadTrigger(YamlMappingNode t) =>
        new(t.GetString("intent") ?? "", t.GetString("step"), t.GetStringMap("values"), YamlNodes.LineOf(t)) { OverTopics = t.GetBool("over_topics") == true };

    private static StepDefinition ReadStep(YamlMappingNode s) => new()
    {
        Id = s.GetString("id") ?? "",
        Kind = ParseKind(s.GetString("kind")),
        Line = YamlNodes.LineOf(s),
        Next = ReadNext(s.Get("next")),
        Content = s.GetString("content") ?? s.GetString("prompt"),
        Reprompt = s.GetString("reprompt"),
        MaxRetries = s.GetInt("max_retries"),
        Choices = s.GetSeq("choices").OfType<YamlMappingNode>().Select(ReadChoice).ToList(),
        Routes = s.GetSeq("routes").OfType<YamlMappingNode>()
            .Select(r => new RouteDefinition(r.GetString("intent") ?? "", r.GetString("value"), ReadNext(r.Get("next")), YamlNodes.LineOf(r)))
            .ToList(),
        Store = s.GetString("store"),
        Target = s.GetString("target"),
        Value = s.GetString("value"),
        From = s.GetString("from"),
        Flow = s.GetString("flow"),
        Cases = s.GetSeq("cases").OfType<YamlMappingNode>()
            .Select(c => new CaseDefinition(ReadCondition(c.GetMap("if")), c.GetString("next") ?? "", YamlNodes.LineOf(c)))
            .ToList(),
        Else = s.GetString("else"),
        Otherwise = s.GetString("otherwise"),
        OtherwiseAgain = s.GetString("otherwise_again"),
        OpenTopics = s.GetBool("open_topics") ?? false,
        Need = s.GetString("need"),
        NeedFrom = s.GetString("need_from"),
        RegionFrom = s.GetString("region_from"),
        Audience = s.GetString("audience"),
        ServiceIds = s.GetStrings("services"),
        Limit = s.GetInt("limit") ?? 3,
        AddBeside = s.GetBool("add_beside") ?? false,
        BesideExcept = s.GetStrings("beside_except"),
        Effect = s.GetString("effect"),
        Facet = s.GetString("facet"),
    };

    private static ChoiceDefinition ReadChoice(YamlMappingNode c)
    {
        var synonyms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (c.GetMap("synonyms") is { } syn)
        {
            foreach (var (k, v) in syn.Children)
            {
                if (k is YamlScalarNode { Value: { } locale } && v is YamlSequenceNode seq)
                    synonyms[locale] = seq.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList();
            }
        }
        return new ChoiceDefinition
        {
            Value = c.GetString("value") ?? "",
            Label = c.GetStringMap("label"),
            LabelContent = c.GetString("label_content"),
            ShortLabel = c.GetStringMap("short"),
            Synonyms = synonyms,
            Next = ReadNext(c.Get("next")),
            Line = YamlNodes.LineOf(c),
        };
    }

    private static NextDefinition? ReadNext(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } step } => NextDefinition.To(step, YamlNodes.LineOf(node)),
        YamlMappingNode m => new NextDefinition(null, ReadCondition(m.GetMap("if")), m.GetString("then"), m.GetString("else"), YamlNodes.LineOf(m)),
        _ => null,
    };

    private static ConditionDefinition ReadCondition(YamlMappingNode? c)
    {
        if (c is null) return new ConditionDefinition(null, null, null, null, null, null);
        List<ConditionDefinition>? Nested(string key) =>
            c.Get(key) is YamlSequenceNode seq ? seq.Children.OfType<YamlMappingNode>().Select(ReadCondition).ToList() : null;
        return new ConditionDefinition(
            c.GetString("field"),
            c.GetString("equals"),
            c.Get("in") is YamlSequenceNode ? c.GetStrings("in") : null,
            c.GetBool("exists"),
            Nested("any"),
            Nested("all"));
    }

    private static FlowType ParseType(string? type) => type switch
    {
        "menu" => FlowType.Menu,
        "interruption" => FlowType.Interruption,
        "crisis" => FlowType.Crisis,
        "system" => FlowType.System,
        _ => FlowType.Module,
    };

    public static StepKind ParseKind(string? kind) => kind switch
    {
        "show" => StepKind.Show,
        "ask_choice" => StepKind.AskChoice,
        "ask_text" => StepKind.AskText,
        "ask_region" => StepKind.AskRegion,
        "branch" => StepKind.Branch,
        "set" => StepKind.Set,
        "call" => StepKind.Call,
        "link" => StepKind.Link,
        "services" => StepKind.Services,
        "service_details" => StepKind.ServiceDetails,
        "quiz" => StepKind.Quiz,
        "effect" => StepKind.Effect,
        _ => StepKind.End,
    };
}
