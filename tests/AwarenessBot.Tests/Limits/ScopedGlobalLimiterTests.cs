using System.Threading.RateLimiting;
using AwarenessBot.Limits;
using Microsoft.AspNetCore.Http;

namespace AwarenessBot.Tests.Limits;

/// <summary>The global chain is skipped only for requests it could not limit, and still limits the others.</summary>
public sealed class ScopedGlobalLimiterTests
{
    [Fact]
    public async Task A_request_without_a_limit_scope_gets_the_permit_the_chain_gives_it_without_asking_the_chain()
    {
        using var chain = new CountingLimiter();
        using var limiter = new ScopedGlobalLimiter(chain);
        var unscoped = Request(scope: null);

        using var lease = limiter.AttemptAcquire(unscoped);
        using var waited = await limiter.AcquireAsync(unscoped);

        Assert.True(lease.IsAcquired);
        Assert.True(waited.IsAcquired);
        Assert.Empty(lease.MetadataNames);
        Assert.False(lease.TryGetMetadata(MetadataName.RetryAfter, out _));
        Assert.Equal(0, chain.Calls);

        // What the real chain answers for such a request: every partition the no-limit one.
        using var real = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetNoLimiter(string.Empty)),
            PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetNoLimiter(string.Empty)));
        using var realLease = real.AttemptAcquire(unscoped);
        Assert.Equal(realLease.IsAcquired, lease.IsAcquired);
        Assert.Equal(realLease.MetadataNames, lease.MetadataNames);
    }

    [Fact]
    public async Task A_request_to_a_limited_endpoint_is_decided_by_the_chain()
    {
        using var chain = new CountingLimiter();
        using var limiter = new ScopedGlobalLimiter(chain);
        var scoped = Request(new LimitScope(perAddress: true));

        using var lease = limiter.AttemptAcquire(scoped);
        using var waited = await limiter.AcquireAsync(scoped);

        Assert.False(lease.IsAcquired);
        Assert.False(waited.IsAcquired);
        Assert.Equal(2, chain.Calls);
    }

    private static DefaultHttpContext Request(LimitScope? scope)
    {
        var context = new DefaultHttpContext();
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, scope is null ? EndpointMetadataCollection.Empty : new EndpointMetadataCollection(scope), "test"));
        return context;
    }

    /// <summary>A chain stand-in: counts what it is asked and refuses (its one permit is held from the start).</summary>
    private sealed class CountingLimiter : PartitionedRateLimiter<HttpContext>
    {
        private readonly FixedWindowRateLimiter _window = new(new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1), QueueLimit = 0, AutoReplenishment = false });
        private readonly RateLimitLease _held;

        public CountingLimiter() => _held = _window.AttemptAcquire();

        public int Calls { get; private set; }

        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => _window.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
        {
            Calls++;
            return _window.AttemptAcquire(permitCount);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
        {
            Calls++;
            return new ValueTask<RateLimitLease>(_window.AttemptAcquire(permitCount));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _held.Dispose();
                _window.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
