namespace AwarenessBot.Content.Services;

/// <summary>Ids routing relies on: 911 for danger, and the national lines shown when a region has nothing for a need.</summary>
internal static class RoutingFallbacks
{
    public const string Emergency = "ca_911";
    public const string CommunityServices = "ca_211";
    public const string TraffickingHotline = "ca_human_trafficking_hotline";
    public const string DangerNow = "danger_now";

    public static readonly IReadOnlyList<string> Required = [Emergency, CommunityServices, TraffickingHotline];

    /// <summary>Canonical order of the needs (as in service.schema.json).</summary>
    public static readonly IReadOnlyList<string> AllNeeds =
    [
        DangerNow, "trafficking", "work_exploitation", "online_exploitation", "shelter", "counselling", "self_harm",
        "legal_immigration", "victim_services", "general_help", "employment_standards",
    ];
}
