using AwarenessBot.DirectLine;
using Microsoft.Bot.Schema;

namespace AwarenessBot.Tests.DirectLine;

public sealed class DirectLineTimestampTests
{
    [Fact]
    public void Activities_appended_in_the_same_millisecond_still_get_increasing_milliseconds()
    {
        // Web Chat sorts by timestamp at millisecond resolution: ticks apart is "at the same time" to it.
        var now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero).AddTicks(1234);
        var conversation = new DirectLineConversation("c", "u", 100, now);
        var stamps = new List<DateTimeOffset>();
        for (var i = 0; i < 5; i++)
        {
            var activity = new Activity(ActivityTypes.Message);
            conversation.Append(activity, now.AddTicks(i), _ => "{}");
            stamps.Add(activity.Timestamp!.Value);
        }

        var milliseconds = stamps.Select(s => s.ToUnixTimeMilliseconds()).ToList();
        Assert.Equal(milliseconds.Order().Distinct(), milliseconds);
        Assert.Equal(5, milliseconds.Distinct().Count());
        Assert.Equal(now.ToUnixTimeMilliseconds(), milliseconds[0]);
    }
}
