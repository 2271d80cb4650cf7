using AwarenessBot.Content.Abstractions;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Tests.Fakes;

/// <summary>
/// In-memory content: the real system items (seeds/content/system, which this area owns) read with a tiny reader,
/// plus one synthetic message per awareness item in every locale (as every real item has), with a quiz (answer: the
/// second choice) where the real item has one.
/// A system item's first variant is shown, or the variant that names the audience asked for (the one for someone
/// writing about another person); the view says which audience it was written for, as the real repository does.
/// </summary>
internal sealed class FakeContentRepository : IContentRepository
{
    public static readonly IReadOnlyList<string> AwarenessIds =
    [
        "grooming_how_it_starts", "grooming_luring_to_meet", "romance_boyfriend_tactics", "sextortion_what_to_do", "image_requests",
        "fake_job_offers", "healthy_vs_controlling", "online_safety_get_help", "trafficking_what_is_it", "trafficking_myths",
        "trafficking_signs_in_others", "trafficking_how_to_help", "trafficking_how_to_report", "educator_overview", "educator_guide_9_12",
        "educator_guide_13_15", "educator_guide_16_18", "educator_embed", "educator_concerned_adult", "educator_data_collected",
        "educator_age_suitability", "educator_curriculum_fit", "educator_lessons",
        "trafficking_indigenous_communities", "trafficking_north_remote", "trafficking_industries", "trafficking_demand",
        "sextortion_money_boys", "intimate_images_law", "online_safety_checklist",
        "parent_overview", "parent_guide_9_12", "parent_guide_13_15", "parent_guide_16_18", "parent_signs", "parent_if_targeted",
        "parent_get_help",
    ];

    public static readonly IReadOnlyList<string> WorkerIds =
    [
        "worker_passport_documents", "worker_pay_hours", "worker_housing_deductions", "worker_recruitment_fees", "worker_change_employer",
        "worker_fear_of_deportation", "worker_selfcheck_intro", "worker_selfcheck_q_documents", "worker_selfcheck_q_leave",
        "worker_selfcheck_q_debt", "worker_selfcheck_q_threats", "worker_selfcheck_result_concern", "worker_selfcheck_result_no_signs",
        "worker_reporting_safely", "worker_wage_claim",
    ];

    public static readonly IReadOnlySet<string> WithQuiz = new HashSet<string>(StringComparer.Ordinal)
    {
        "grooming_how_it_starts", "grooming_luring_to_meet", "romance_boyfriend_tactics", "sextortion_what_to_do", "image_requests",
        "fake_job_offers", "healthy_vs_controlling", "trafficking_what_is_it", "trafficking_myths", "worker_passport_documents",
        "worker_recruitment_fees",
    };

    private readonly Dictionary<string, (string Topic, Dictionary<string, List<string>> Messages)> _items = new(StringComparer.Ordinal);

    /// <summary>System items' variants after the first: audience → messages per locale.</summary>
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, List<string>>>> _others = new(StringComparer.Ordinal);

    /// <summary>The audience the first variant of a system item names first (an awareness item serves "all").</summary>
    private readonly Dictionary<string, string> _firstAudience = new(StringComparer.Ordinal);

    /// <param name="systemDirectory">Where the system items are read (default: the real seeds/content/system).</param>
    /// <param name="omit">Items left out entirely.</param>
    /// <param name="onlyIn">
    /// Items kept in these locales only (id → locales): the real seeds have every locale in every item (the content
    /// tests' EveryLocaleTests), so a test of what a reader of a missing locale gets makes one here.
    /// </param>
    public FakeContentRepository(string? systemDirectory = null, IEnumerable<string>? omit = null,
        IReadOnlyDictionary<string, string[]>? onlyIn = null)
    {
        var skip = new HashSet<string>(omit ?? [], StringComparer.Ordinal);
        foreach (var id in AwarenessIds) Add(id, "awareness", ["en", "fr", "es", "tl"]);
        foreach (var id in WorkerIds) Add(id, "worker_rights", ["en", "fr", "es", "tl"]);
        foreach (var file in Directory.EnumerateFiles(systemDirectory ?? Paths.SystemContent, "*.yaml")) LoadSystem(file);
        foreach (var id in skip) _items.Remove(id);
        foreach (var (id, locales) in onlyIn ?? new Dictionary<string, string[]>())
        {
            var others = _others.TryGetValue(id, out var byAudience) ? byAudience.Values.ToList() : [];
            foreach (var messages in others.Prepend(_items[id].Messages))
            foreach (var locale in messages.Keys.Except(locales).ToList()) messages.Remove(locale);
        }
    }

    private void Add(string id, string topic, string[] locales) =>
        _items[id] = (topic, locales.ToDictionary(l => l, l => new List<string> { $"[{id}/{l}]" }));

    private void LoadSystem(string file)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(file)) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var id = ((YamlScalarNode)root["id"]).Value!;
        var variants = ((YamlSequenceNode)root["variants"]).Children.Cast<YamlMappingNode>().ToList();
        _items[id] = ("system", Messages(variants[0]));
        _firstAudience[id] = Audiences(variants[0]).FirstOrDefault() ?? "all";
        foreach (var variant in variants.Skip(1))
        foreach (var audience in Audiences(variant))
        {
            if (!_others.TryGetValue(id, out var byAudience)) _others[id] = byAudience = new(StringComparer.Ordinal);
            byAudience.TryAdd(audience, Messages(variant));
        }
    }

    private static IEnumerable<string> Audiences(YamlMappingNode variant) =>
        ((YamlSequenceNode)variant["audience"]).Children.Select(n => ((YamlScalarNode)n).Value!);

    private static Dictionary<string, List<string>> Messages(YamlMappingNode variant)
    {
        var messages = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (locale, body) in ((YamlMappingNode)variant["locales"]).Children)
        {
            messages[((YamlScalarNode)locale).Value!] = ((YamlSequenceNode)((YamlMappingNode)body)["messages"]).Children
                .Select(n => ((YamlScalarNode)n).Value!).ToList();
        }
        return messages;
    }

    public ContentView? Find(string contentId, string locale, string? audience)
    {
        if (!_items.TryGetValue(contentId, out var item)) return null;
        var written = audience ?? "all";
        var messages = item.Messages;
        if (audience is not null && _others.TryGetValue(contentId, out var byAudience) && byAudience.TryGetValue(audience, out var other)) messages = other;
        else if (_firstAudience.TryGetValue(contentId, out var first)) written = first;
        var chosen = messages.ContainsKey(locale) ? locale : "en";
        var quiz = WithQuiz.Contains(contentId)
            ? new QuizView($"[{contentId}/{chosen}/question]", [$"Wrong {chosen}", $"Right {chosen}", $"Other {chosen}"], 1, "[correct]", "[incorrect]")
            : null;
        return new ContentView(contentId, item.Topic, chosen, written, messages[chosen], quiz, true, chosen != "en");
    }

    public bool Exists(string contentId) => _items.ContainsKey(contentId);

    public IReadOnlySet<string> LocalesOf(string contentId) =>
        _items.TryGetValue(contentId, out var item) ? item.Messages.Keys.ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    public IReadOnlyList<ContentSummary> List() =>
        _items.Select(i => new ContentSummary(i.Key, i.Value.Topic, ["all"], i.Value.Messages.Keys.ToList(), i.Key)).ToList();
}
