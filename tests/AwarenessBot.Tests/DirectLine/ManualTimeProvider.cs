namespace AwarenessBot.Tests.DirectLine;

/// <summary>A clock that moves only when the test says so (timers still use real time; the channel reads GetUtcNow).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now = _now.Add(by);
}
