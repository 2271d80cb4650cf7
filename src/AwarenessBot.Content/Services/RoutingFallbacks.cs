using AwarenessBot.Catalog;

namespace AwarenessBot.Content.Services;

/// <summary>Ids routing relies on: 911 for danger, and the national lines shown when a region has nothing for a need.</summary>
internal static class RoutingFallbacks
{
    public const string Emergency = "ca_911";
    public const string CommunityServices = "ca_211";
    public const string TraffickingHotline = "ca_human_trafficking_hotline";
    public const string DangerNow = "danger_now";

    public static readonly IReadOnlyList<string> Required = [Emergency, CommunityServices, TraffickingHotline];

    /// <summary>Canonical order of the needs (seeds/catalog.yaml; service.schema.json is checked against it).</summary>
    public static IReadOnlyList<string> AllNeeds => BotCatalog.Default.Needs;
}
