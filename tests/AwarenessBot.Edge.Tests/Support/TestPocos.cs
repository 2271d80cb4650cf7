using Microsoft.Bot.Builder;

namespace AwarenessBot.Edge.Tests.Support;

public sealed class PocoItem
{
    public string? Id { get; set; }

    public int Count { get; set; }
}

public sealed class PocoStoreItem : IStoreItem
{
    public string? Id { get; set; }

    public int Count { get; set; }

    public string? ETag { get; set; }
}

/// <summary>Shaped like the engine's dialog state: small, primitive, version-stamped.</summary>
public sealed class DialogLikeState
{
    public int Version { get; set; } = 1;

    public string? FlowId { get; set; }

    public string? StepId { get; set; }

    public int Turns { get; set; }

    public Dictionary<string, string> Slots { get; set; } = [];
}
