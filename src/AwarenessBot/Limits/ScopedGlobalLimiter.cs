using System.Threading.RateLimiting;

namespace AwarenessBot.Limits;

/// <summary>
/// The global abuse-limit chain (<see cref="AbuseLimits"/>) for the requests it can limit: a request to an endpoint
/// without a <see cref="LimitScope"/> (<c>/api/messages</c>, the page's files, health) gets a permit at once, as the
/// chain would give it (each of its three limiters puts such a request in its no-limit partition), without asking the
/// chain. The runtime's partitioned limiters look a partition up under one lock per limiter, so the chain took three
/// global locks for every Bot Connector turn, contended by every concurrent turn.
/// </summary>
internal sealed class ScopedGlobalLimiter(PartitionedRateLimiter<HttpContext> chain) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => chain.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        IsUnscoped(resource) ? UnlimitedLease.Instance : chain.AttemptAcquire(resource, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        IsUnscoped(resource) ? new ValueTask<RateLimitLease>(UnlimitedLease.Instance) : chain.AcquireAsync(resource, permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            chain.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await chain.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }

    /// <summary>The condition under which every limiter of the chain answers from its no-limit partition.</summary>
    internal static bool IsUnscoped(HttpContext context) => AbuseLimits.Scope(context) is null;

    /// <summary>What a no-limit partition grants: acquired, no metadata; shared, its Dispose does nothing.</summary>
    private sealed class UnlimitedLease : RateLimitLease
    {
        public static readonly UnlimitedLease Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
