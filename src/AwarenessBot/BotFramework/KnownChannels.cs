using System.Collections.Frozen;
using AwarenessBot.Rendering;

namespace AwarenessBot.BotFramework;

/// <summary>
/// The channel ids the bot accepts: the ones it knows how to render for. A channel id is chosen by the caller in
/// anonymous mode and ends up in state keys and analytics, so anything else is refused (400) at the edge, and
/// <see cref="Label"/> turns any id that got past it into "unknown" before it is recorded.
/// </summary>
internal static class KnownChannels
{
    public const string Unknown = "unknown";

    private static readonly FrozenSet<string> Ids = ChannelCapabilities.KnownChannels.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string? channelId) => channelId is not null && Ids.Contains(channelId);

    /// <summary>The id itself when known, otherwise <see cref="Unknown"/>: never a caller-chosen string.</summary>
    public static string Label(string? channelId) => IsKnown(channelId) ? channelId! : Unknown;
}
