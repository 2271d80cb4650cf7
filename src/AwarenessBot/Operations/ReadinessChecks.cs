using AwarenessBot.Content.Repository;
using AwarenessBot.Storage.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AwarenessBot.Operations;

/// <summary>Content loaded (and, after a failed hot reload, still serving the last good version).</summary>
internal sealed class ContentReadinessCheck(IContentHealth content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(content switch
        {
            { IsLoaded: false } => HealthCheckResult.Unhealthy("content not loaded"),
            { LastReloadFailure: not null } => HealthCheckResult.Degraded("last reload failed; serving the previous version"),
            _ => HealthCheckResult.Healthy(),
        });
}

/// <summary>The state store answers (SQLite file or PostgreSQL server).</summary>
internal sealed class StorageReadinessCheck(IStorageHealth storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await storage.CheckAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("storage unreachable");
}
