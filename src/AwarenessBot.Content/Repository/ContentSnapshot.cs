using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Services;

namespace AwarenessBot.Content.Repository;

/// <summary>A service with its parsed hours.</summary>
internal sealed record ServiceEntry(ServiceDefinition Definition, ServiceHours Hours);

/// <summary>
/// Everything loaded from seeds/ at one moment, valid and immutable. Readers take a reference once per call, so a
/// hot reload swapping in a new snapshot never shows half of one and half of another.
/// </summary>
internal sealed class ContentSnapshot
{
    public ContentSnapshot(IEnumerable<ContentItemDefinition> items, IEnumerable<ServiceEntry> services, DateTimeOffset loadedAt)
    {
        Items = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        Services = services.ToDictionary(s => s.Definition.Id, StringComparer.Ordinal);
        LoadedAt = loadedAt;
    }

    public IReadOnlyDictionary<string, ContentItemDefinition> Items { get; }

    public IReadOnlyDictionary<string, ServiceEntry> Services { get; }

    public DateTimeOffset LoadedAt { get; }
}
