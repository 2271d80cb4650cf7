using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Runtime;

/// <summary>
/// The few fields a flow may read or write, by path: profile.locale | profile.age_band | profile.region |
/// profile.audience | profile.locale_chosen (read) | profile.adult (read) | session.indigenous_first |
/// session.welcomed | value.&lt;key&gt; (the current frame's values). Nothing else about the person exists.
/// </summary>
internal static class FieldAccess
{
    public static readonly IReadOnlyList<string> ProfileFields =
        ["profile.locale", "profile.age_band", "profile.region", "profile.audience", "profile.locale_chosen", ProfileAdult];

    /// <summary>
    /// "true" when the age band or the audience is one seeds/catalog.yaml marks adult (19+, worker), the same test
    /// that keeps services only for under-18s away from adults; derived, never written (flows branch on it instead of
    /// listing the bands and audiences again).
    /// </summary>
    public const string ProfileAdult = "profile.adult";

    public static readonly IReadOnlyList<string> SessionFields = ["session.indigenous_first", "session.welcomed"];

    /// <summary>
    /// Read-only facts about this message: turn.region is the province or territory it named, if any; turn.crisis_rule
    /// the rule id of the crisis it raised (a frame id, "model"); turn.topic the module intent a crisis message also
    /// asked for ("luring_secret").
    /// </summary>
    public static readonly IReadOnlyList<string> TurnFields = ["turn.region", "turn.crisis_rule", "turn.topic"];

    public const string ProfileRegion = "profile.region";

    public const string ProfileAgeBand = "profile.age_band";

    /// <summary>Slots: asked once, never again once known (from an answer or from any message).</summary>
    public static readonly IReadOnlyList<string> SlotFields = [ProfileAgeBand, ProfileRegion, "profile.audience"];

    public static bool IsKnown(string path) =>
        ProfileFields.Contains(path) || SessionFields.Contains(path) || TurnFields.Contains(path)
        || (path.StartsWith("value.", StringComparison.Ordinal) && path.Length > 6);

    public static string? Read(TurnContext ctx, DialogFrame frame, string path) => path switch
    {
        "profile.locale" => ctx.Profile.Locale,
        "profile.age_band" => ctx.Profile.AgeBand,
        "profile.region" => ctx.Profile.Region,
        "profile.audience" => ctx.Profile.Audience,
        "profile.locale_chosen" => ctx.Profile.LocaleChosen ? "true" : "false",
        ProfileAdult => ctx.IsAdult ? "true" : "false",
        "session.indigenous_first" => ctx.Session.IndigenousFirst ? "true" : "false",
        "session.welcomed" => ctx.Session.Welcomed ? "true" : "false",
        "turn.region" => ctx.RegionNamed,
        "turn.crisis_rule" => ctx.CrisisRule,
        "turn.topic" => ctx.CrisisTopic,
        _ when path.StartsWith("value.", StringComparison.Ordinal) => frame.Values?.GetValueOrDefault(path[6..]),
        _ => null,
    };

    public static void Write(TurnContext ctx, DialogFrame frame, string path, string? value)
    {
        switch (path)
        {
            case "profile.locale":
                SwitchLocale(ctx, value);
                break;
            case "profile.age_band": ctx.Profile.AgeBand = value; break;
            case "profile.region": ctx.Profile.Region = value; break;
            case "profile.audience": ctx.Profile.Audience = value; break;
            case "session.indigenous_first": ctx.Session.IndigenousFirst = value == "true"; break;
            case "session.welcomed": ctx.Session.Welcomed = value == "true"; break;
            default:
                if (!path.StartsWith("value.", StringComparison.Ordinal)) break;
                frame.Values ??= new Dictionary<string, string>(StringComparer.Ordinal);
                if (value is null) frame.Values.Remove(path[6..]);
                else frame.Values[path[6..]] = value;
                break;
        }
    }

    /// <summary>The person chose a language: it sticks (detection no longer switches it).</summary>
    private static void SwitchLocale(TurnContext ctx, string? locale)
    {
        if (!BotCatalog.Default.IsLocale(locale)) return;
        var changed = ctx.Locale != locale;
        ctx.Profile.Locale = locale;
        ctx.Profile.LocaleChosen = true;
        ctx.Locale = locale;
        if (changed) ctx.Emit(AnalyticsEventNames.LanguageSwitched, ("locale", locale));
    }
}
