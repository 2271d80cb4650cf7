namespace AwarenessBot.Operations;

internal static class RequestLimits
{
    /// <summary>The server-wide ceiling; endpoints set lower limits of their own.</summary>
    public const long MaxBodyBytes = 1024 * 1024;
}
