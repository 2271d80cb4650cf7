namespace AwarenessBot.Storage;

/// <summary>
/// A write lost a compare-and-set race: the stored ETag is not the one the writer read (another turn or instance
/// saved first), or a create found the key already present. Nothing was written. The host reloads state and
/// retries the turn.
/// </summary>
public sealed class StorageConflictException : Exception
{
    /// <summary>Creates the exception for a key (the key itself is not put in the message: it holds ids).</summary>
    public StorageConflictException()
        : base("State was changed by another writer; nothing was written.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
