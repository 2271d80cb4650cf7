using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Rendering;

namespace AwarenessBot.Engine.Runtime.Steps;

/// <summary>
/// "Is it free?", "do they speak Tagalog?", "open weekends?", "can I text?", "is it confidential?", "just for women?":
/// answered about the services shown last, one line per service, only from what the directory holds for it (its
/// sources). Where a source says nothing, the line says so and that the person can ask — nothing is guessed.
/// With no services shown yet, the step goes to its <c>else</c>.
/// </summary>
internal sealed class ServiceDetailsHandler(IServiceDirectory directory, ContentRenderer content) : IStepHandler
{
    public const string KeyPrefix = "service_details:";

    /// <summary>What a person may ask about (the flow schema's facet enum says the same for authors).</summary>
    public static readonly IReadOnlyList<string> Facets = ["cost", "language", "hours", "contact", "privacy", "eligibility"];

    /// <summary>The content items this handler shows: each facet's introduction and the per-service words.</summary>
    public static readonly IReadOnlyList<string> ContentKeys =
    [
        .. Facets.Select(f => IntroPrefix + f), "system_service_free", "system_service_means_tested", "system_service_toll_free",
        "system_service_not_stated", "system_service_interpreters", "system_service_for_minors", "system_service_indigenous_led",
        "system_service_email", .. BotCatalog.Default.Audiences.Select(a => a.ServiceAudience).Append(BotCatalog.Default.AllAudiences)
            .Distinct(StringComparer.Ordinal).Select(a => AudiencePrefix + a),
    ];

    private const string IntroPrefix = "system_service_details_";
    private const string AudiencePrefix = "system_service_for_";

    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        var shown = Shown(ctx);
        if (shown.Count == 0) return StepOutcome.Goto(step.Else!);
        shown = Named(shown, ctx.ServiceNamed);

        var facet = step.Facet!;
        var intro = content.Find(ctx, IntroPrefix + facet)?.Messages ?? [];
        if (intro.Count > 0) ctx.Reply(IntroPrefix + facet, [content.Paragraph(ctx, intro[0])]);
        var colon = (BotCatalog.Default.FindLocale(ctx.Locale)?.Colon ?? BotCatalog.Default.Fallback.Colon)!;
        var lines = shown.Select(service => (ReplyPart)new Paragraph([new StrongRun(service.Name), new TextRun(colon + Describe(ctx, facet, service))])).ToList();
        ctx.Reply(KeyPrefix + facet, lines);
        // The advice that follows the list ("you can ask before you share anything"), where the facet has one.
        for (var i = 1; i < intro.Count; i++) ctx.Reply(IntroPrefix + facet, [content.Paragraph(ctx, intro[i])]);
        ctx.Emit(AnalyticsEventNames.ServiceDetailsShown, ("facet", facet), ("need", ctx.Session.ShownNeed ?? "by_id"));
        return StepOutcome.Goto(Conditions.Resolve(step.Next, ctx, frame));
    }

    private List<ServiceView> Shown(TurnContext ctx) =>
        [.. (ctx.Session.ShownServices ?? []).Select(id => directory.FindById(id, ctx.Locale, ctx.Input.Now)).OfType<ServiceView>()];

    /// <summary>The service named, when it is one of those shown (a kind one of them has, a place in the list), else null.</summary>
    public ServiceNamed? AmongShown(TurnContext ctx, ServiceNamed named)
    {
        var shown = Shown(ctx);
        var found = named switch
        {
            { Place: { } place } => (place < 0 ? shown.Count + place : place - 1) is var at && at >= 0 && at < shown.Count,
            { Kind: { } kind } => shown.Exists(s => string.Equals(s.Kind, kind, StringComparison.Ordinal)),
            _ => false,
        };
        return found ? named : null;
    }

    /// <summary>
    /// "Is the lawyer free?", "la première est ouverte le dimanche?": only the services of that kind, or the one at that
    /// place in the list; a kind none of them has, or a place past the end, means all of them.
    /// </summary>
    internal static List<ServiceView> Named(List<ServiceView> shown, ServiceNamed? named)
    {
        if (named is { Place: { } place })
        {
            var index = place < 0 ? shown.Count + place : place - 1;
            return index >= 0 && index < shown.Count ? [shown[index]] : shown;
        }
        if (named is { Kind: { } kind })
        {
            var ofKind = shown.FindAll(s => string.Equals(s.Kind, kind, StringComparison.Ordinal));
            return ofKind.Count > 0 ? ofKind : shown;
        }
        return shown;
    }

    private string Describe(TurnContext ctx, string facet, ServiceView service) => facet switch
    {
        "cost" => Cost(ctx, service),
        "language" => Languages(ctx, service),
        "hours" => string.IsNullOrWhiteSpace(service.HoursText) ? NotStated(ctx) : service.HoursText,
        "contact" => Contacts(ctx, service),
        "privacy" => service.Confidentiality ?? NotStated(ctx),
        "eligibility" => Eligibility(ctx, service),
        _ => NotStated(ctx),
    };

    private string Cost(TurnContext ctx, ServiceView service) => service.Cost switch
    {
        "free" => Line(ctx, "system_service_free"),
        "means_tested" => Line(ctx, "system_service_means_tested"),
        // A 1-8xx number costs the caller nothing; what the service itself costs, the source does not say.
        _ when service.Phone is { } phone && DialableNumber.IsTollFree(phone) => Line(ctx, "system_service_toll_free"),
        _ => NotStated(ctx),
    };

    private string Languages(TurnContext ctx, ServiceView service)
    {
        var names = service.Languages.Select(code => BotCatalog.Default.SpokenLanguageName(code, ctx.Locale)).ToList();
        if (service.Interpretation) names.Add(Line(ctx, "system_service_interpreters"));
        return names.Count == 0 ? NotStated(ctx) : string.Join(", ", names);
    }

    private string Contacts(TurnContext ctx, ServiceView service)
    {
        var ways = new List<string>(5);
        if (service.Phone is { } phone) ways.Add(Line(ctx, "system_button_call") + " " + phone);
        if (service.TextLine is { } text) ways.Add(Line(ctx, "system_button_text") + " " + text);
        if (service.ChatUrl is { } chat) ways.Add(Line(ctx, "system_button_chat") + " " + chat);
        if (service.Email is { } email) ways.Add(Line(ctx, "system_service_email") + " " + email);
        if (service.Web is { } web && service.ChatUrl != web) ways.Add(Line(ctx, "system_button_website") + " " + web);
        return ways.Count == 0 ? NotStated(ctx) : string.Join(" · ", ways);
    }

    private string Eligibility(TurnContext ctx, ServiceView service)
    {
        var parts = new List<string>(3);
        parts.AddRange(service.Audience.Select(a => Line(ctx, AudiencePrefix + a)));
        // Routing treats audience [youth] alone as under-18 only; to the person, only a source's own "under 18" is said so.
        if (service.MinorsOnlyBySource) parts.Add(Line(ctx, "system_service_for_minors"));
        if (service.IndigenousLed) parts.Add(Line(ctx, "system_service_indigenous_led"));
        return parts.Count == 0 ? NotStated(ctx) : string.Join(", ", parts.Distinct(StringComparer.Ordinal));
    }

    private string NotStated(TurnContext ctx) => Line(ctx, "system_service_not_stated");

    private string Line(TurnContext ctx, string id) => content.Line(ctx, id, id);
}
