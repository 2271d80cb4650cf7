namespace AwarenessBot.DirectLine;

/// <summary>An activity as the channel keeps it: its place in the conversation and its final JSON (immutable).</summary>
internal sealed record StoredActivity(long Sequence, string Json);
