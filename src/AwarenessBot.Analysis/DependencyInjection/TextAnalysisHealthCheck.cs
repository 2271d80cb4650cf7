using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AwarenessBot.Analysis.DependencyInjection;

/// <summary>Ready when the risk lexicons are loaded. The Azure provider is optional and not part of readiness.</summary>
public sealed class TextAnalysisHealthCheck(TextAnalysisReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy($"{readiness.RuleCount} risk rules in {string.Join(", ", readiness.Locales)}")
            : HealthCheckResult.Unhealthy("risk lexicons not loaded"));
}
