namespace AwarenessBot.Storage.WebChannel;

/// <summary>
/// Web Chat orders activities by timestamp read as a JavaScript Date (whole milliseconds): each activity gets its own
/// millisecond, or the messages of one turn can show out of order and lose their suggested actions.
/// </summary>
public static class WebChannelTimestamps
{
    /// <summary>Unix milliseconds of <paramref name="now"/>, or one after the previous activity's when that is not later.</summary>
    public static long Next(DateTimeOffset now, long previousUnixMilliseconds) =>
        Math.Max(now.ToUnixTimeMilliseconds(), previousUnixMilliseconds + 1);
}
