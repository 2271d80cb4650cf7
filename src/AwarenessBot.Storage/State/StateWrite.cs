namespace AwarenessBot.Storage.State;

/// <summary>What a write expects to find, so that two turns saving the same key cannot both succeed.</summary>
public enum StateWriteCondition
{
    /// <summary>Last writer wins: for data no turn reads back before writing (a health probe).</summary>
    Overwrite,

    /// <summary>The writer read "nothing there": a live row written meanwhile is a conflict.</summary>
    Absent,

    /// <summary>The stored ETag must still be <see cref="StateWrite.ExpectedETag"/>.</summary>
    Matches,
}

/// <summary>One document to write and the condition it is written under. Build it with the factory methods.</summary>
public readonly record struct StateWrite
{
    private StateWrite(string key, string json, StateWriteCondition condition, string? expectedETag)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        Key = key;
        Json = json;
        Condition = condition;
        ExpectedETag = expectedETag;
    }

    public string Key { get; }

    /// <summary>A JSON object, without the ETag (the store keeps it apart).</summary>
    public string Json { get; }

    public StateWriteCondition Condition { get; }

    /// <summary>Set only when <see cref="Condition"/> is <see cref="StateWriteCondition.Matches"/>.</summary>
    public string? ExpectedETag { get; }

    public static StateWrite Overwrite(string key, string json) => new(key, json, StateWriteCondition.Overwrite, null);

    public static StateWrite Create(string key, string json) => new(key, json, StateWriteCondition.Absent, null);

    /// <summary>An empty ETag is allowed and never matches: it is what a caller that lost its ETag sends.</summary>
    public static StateWrite Replace(string key, string json, string expectedETag)
    {
        ArgumentNullException.ThrowIfNull(expectedETag);
        return new(key, json, StateWriteCondition.Matches, expectedETag);
    }

    /// <summary>A batch naming a key twice has no single meaning (which condition holds?), so it is refused.</summary>
    internal static void EnsureDistinctKeys(IReadOnlyList<StateWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var seen = new HashSet<string>(writes.Count, StringComparer.Ordinal);
        foreach (var write in writes)
        {
            if (write.Key is null)
            {
                throw new ArgumentException("A write was not built with StateWrite's factory methods.", nameof(writes));
            }

            if (!seen.Add(write.Key))
            {
                throw new ArgumentException("A batch names the same key twice.", nameof(writes));
            }
        }
    }
}
