using System.Threading.RateLimiting;
using AwarenessBot.Limits;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AwarenessBot.Tests.Limits;

/// <summary>
/// <see cref="MessageRateLimiter"/> answers as the runtime's chained partitioned fixed-window limiters it replaced
/// (without their global lock), renews a key's window every window from its first message and forgets idle keys.
/// </summary>
public sealed class MessageRateLimiterTests
{
    private static IOptions<RateLimitOptions> Limits(int perConversation, int perUser, TimeSpan window) =>
        Options.Create(new RateLimitOptions { MessagesPerConversation = perConversation, MessagesPerUser = perUser, MessagesWindow = window });

    [Fact]
    public void Within_a_window_it_answers_every_message_as_the_runtimes_chained_limiters_do()
    {
        var window = TimeSpan.FromHours(1);
        using var limiter = new MessageRateLimiter(Limits(5, 3, window), new FakeTimeProvider());
        // What MessageRateLimiter was before: the conversation's limiter chained before the user's.
        using var runtime = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Conversation, string User), string>(k => Partition(k.Conversation, 5, window)),
            PartitionedRateLimiter.Create<(string Conversation, string User), string>(k => Partition(k.User, 3, window)));
        var random = new Random(17);
        string[] channels = ["emulator", "webchat"];

        for (var i = 0; i < 2_000; i++)
        {
            var channel = channels[random.Next(2)];
            var conversation = "c" + random.Next(12);
            var user = "u" + random.Next(20);
            using var expected = runtime.AttemptAcquire((channel + "/" + conversation, channel + "/" + user));
            using var actual = limiter.Acquire(channel, conversation, user);

            Assert.Equal(expected.IsAcquired, actual.IsAcquired);
            Assert.Equal(expected.MetadataNames, actual.MetadataNames);
            Assert.Equal(expected.TryGetMetadata(MetadataName.RetryAfter, out var expectedWait), actual.TryGetMetadata(MetadataName.RetryAfter, out var actualWait));
            Assert.Equal(expectedWait, actualWait);
            Assert.Equal(
                AbuseLimits.RetryAfterSeconds(expected, TimeSpan.FromSeconds(99)), AbuseLimits.RetryAfterSeconds(actual, TimeSpan.FromSeconds(99)));
        }
    }

    [Fact]
    public void A_window_renews_every_window_from_the_keys_first_message_and_an_idle_key_is_forgotten()
    {
        var time = new FakeTimeProvider();
        using var limiter = new MessageRateLimiter(Limits(2, 100, TimeSpan.FromMinutes(1)), time);

        Assert.True(limiter.Acquire("emulator", "c", "u").IsAcquired);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(limiter.Acquire("emulator", "c", "u").IsAcquired);
        var refused = limiter.Acquire("emulator", "c", "u");
        Assert.False(refused.IsAcquired);
        Assert.Equal("60", AbuseLimits.RetryAfterSeconds(refused, TimeSpan.FromSeconds(1)));
        // Another channel's conversation of the same id is another key.
        Assert.True(limiter.Acquire("webchat", "c", "u").IsAcquired);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(limiter.Acquire("emulator", "c", "u").IsAcquired);
        time.Advance(TimeSpan.FromSeconds(1)); // 60 s after the first message: a new window
        Assert.True(limiter.Acquire("emulator", "c", "u").IsAcquired);
        time.Advance(TimeSpan.FromSeconds(70)); // 130 s: its window of 60-120 s ended 10 s ago, so it was forgotten
        Assert.True(limiter.Acquire("emulator", "c", "u").IsAcquired); // and this message starts a new window
        Assert.True(limiter.Acquire("emulator", "c", "u").IsAcquired);
        Assert.False(limiter.Acquire("emulator", "c", "u").IsAcquired);
        Assert.Equal(2, limiter.KeyCount); // the web chat keys (window 0-60 s) are gone too
        time.Advance(TimeSpan.FromSeconds(59)); // 189 s: still the window that began at 130 s
        Assert.False(limiter.Acquire("emulator", "c", "u").IsAcquired);

        // That window ended at 190 s; ten seconds later it is forgotten, and only the new keys are kept.
        time.Advance(TimeSpan.FromSeconds(12));
        Assert.True(limiter.Acquire("emulator", "other", "v").IsAcquired);
        Assert.Equal(2, limiter.KeyCount);
    }

    [Fact]
    public void Concurrent_messages_of_one_conversation_get_exactly_its_permits()
    {
        using var limiter = new MessageRateLimiter(Limits(500, 10_000, TimeSpan.FromHours(1)), new FakeTimeProvider());
        var acquired = 0;
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            using var lease = limiter.Acquire("emulator", "c", "u" + (i % 7));
            if (lease.IsAcquired) Interlocked.Increment(ref acquired);
        });

        Assert.Equal(500, acquired);
    }

    private static RateLimitPartition<string> Partition(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
