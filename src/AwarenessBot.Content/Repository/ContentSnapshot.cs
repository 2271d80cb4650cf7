using System.Collections.Concurrent;
using AwarenessBot.Content.Abstractions;
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

    /// <summary>
    /// The views <see cref="ContentRepository.Find"/> has built from this snapshot, by item, the audience of the variant
    /// chosen and the locale used: a view is made of this snapshot alone (no clock, no person), so it is built once,
    /// not on every reply of every turn (its placeholders resolved, its lists and delegates allocated). Bounded by
    /// the items, their audiences and their locales; a reload starts a new snapshot and so a new set.
    /// </summary>
    internal ConcurrentDictionary<(string Id, string Audience, string Locale), ContentView> Views { get; } = new();
}
