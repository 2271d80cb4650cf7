using AwarenessBot.Catalog;

namespace AwarenessBot.Analytics;

/// <summary>
/// One anonymous programme event. <paramref name="SessionKey"/> is random per session
/// (<see cref="AnalyticsSessionKey.New"/>), never a user or conversation id; dimensions are short codes from an
/// allow-list (<see cref="AnalyticsEventNames"/>), never text the person wrote.
/// </summary>
public sealed record AnalyticsEvent(string Name, string SessionKey, DateTimeOffset At, IReadOnlyDictionary<string, string> Dimensions);
