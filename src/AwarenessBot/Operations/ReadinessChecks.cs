using AwarenessBot.Content.Repository;
using AwarenessBot.Storage.Health;
using AwarenessBot.Storage.State;
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

/// <summary>
/// The state store answers AND takes a write: every turn writes state, so a store that can be read but not written
/// (a full disk, a read-only file system, a read-only replica) fails every turn and must not look ready. The probe
/// writes one small row under a fixed key (no personal data) at most every few seconds; a probe in between
/// reuses the last result, so hammering /readyz does not hammer the store.
/// </summary>
internal sealed class StorageReadinessCheck(IStorageHealth storage, IStateStore state, TimeProvider time, ILogger<StorageReadinessCheck> logger) : IHealthCheck, IDisposable
{
    public const string ProbeKey = "awarenessbot/health/write-probe";
    private static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.At < ReuseFor)
            {
                return last.Result;
            }

            var result = await ProbeAsync(now, cancellationToken).ConfigureAwait(false);
            _last = (now, result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<HealthCheckResult> ProbeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await storage.CheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return HealthCheckResult.Unhealthy("storage unreachable");
        }

        try
        {
            // Overwrite: the probe row is never read back, and every probe after the first finds it already there.
            var probe = StateJson.Serialize(new { at = now.ToUnixTimeSeconds() });
            await state.WriteAsync([StateWrite.Overwrite(ProbeKey, probe)], cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to write means turns fail: report it, never throw from a probe.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError("Storage write probe failed: {ExceptionType}", exception.GetType().FullName);
            return HealthCheckResult.Unhealthy("storage does not take writes");
        }
    }
}

/// <summary>
/// Azure AI Language, when configured: Degraded (still serving, with local analysis only) when most recent analyses
/// fell back — the circuit breaker is open or the service times out. Never Unhealthy: the bot works without it.
/// </summary>
internal sealed class CloudAnalysisReadinessCheck(CloudAnalysisOutcomes outcomes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (fellBack, total) = outcomes.Recent();
        return Task.FromResult(total >= 3 && fellBack * 2 > total
            ? HealthCheckResult.Degraded("Azure AI Language unavailable (circuit open or timing out); local analysis only")
            : HealthCheckResult.Healthy());
    }
}
