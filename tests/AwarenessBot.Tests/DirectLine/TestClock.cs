using Microsoft.Extensions.Time.Testing;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>
/// The tests' clock: a <see cref="FakeTimeProvider"/> at a fixed instant that moves only when a test advances it
/// (timers and delays on it fire only then too).
/// </summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
