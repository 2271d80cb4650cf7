using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Tests.DirectLine;

public sealed class DirectLineTimestampTests
{
    [Fact]
    public async Task Activities_appended_in_the_same_millisecond_still_get_increasing_milliseconds()
    {
        // Web Chat sorts by timestamp at millisecond resolution: ticks apart is "at the same time" to it.
        var time = TestClock.Create();
        var now = time.GetUtcNow().AddTicks(1234);
        time.Advance(TimeSpan.FromTicks(1234));
        var store = new MemoryWebChannelStore(new WebChannelSubscribers(), Options.Create(new WebChannelOptions()), time, NullLogger<MemoryWebChannelStore>.Instance);
        await store.TryCreateAsync("c", "u", CancellationToken.None);
        var stamps = new List<DateTimeOffset>();
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromTicks(1));
            await store.AppendAsync("c", (_, timestamp) =>
            {
                stamps.Add(timestamp);
                return "{}";
            }, CancellationToken.None);
        }

        var milliseconds = stamps.Select(s => s.ToUnixTimeMilliseconds()).ToList();
        Assert.Equal(milliseconds.Order().Distinct(), milliseconds);
        Assert.Equal(5, milliseconds.Distinct().Count());
        Assert.Equal(now.ToUnixTimeMilliseconds(), milliseconds[0]);
    }
}
