using AwarenessBot.Storage.State;

namespace AwarenessBot.Storage.Expiry;

/// <summary>Turns the TTLs into "rows updated before this instant are expired", per kind.</summary>
internal sealed class ExpiryPolicy(StorageOptions options, TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Rows of <paramref name="kind"/> with updated_at strictly below this are expired.</summary>
    public long CutoffMs(StateKind kind) => NowMs - (long)TtlOf(kind).TotalMilliseconds;

    public long CutoffMs(StateKind kind, long nowMs) => nowMs - (long)TtlOf(kind).TotalMilliseconds;

    public TimeSpan TtlOf(StateKind kind) => kind switch
    {
        StateKind.Conversation => options.ConversationTtl,
        StateKind.User => options.UserTtl,
        _ => options.OtherTtl,
    };
}
