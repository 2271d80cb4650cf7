using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AwarenessBot.Operations;

/// <summary>/healthz: the process answers. /readyz: content loaded and storage reachable (checks tagged "ready").</summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public const string LivenessPath = "/healthz";

    /// <summary>
    /// /healthz as middleware ahead of routing, not as an endpoint: the first request of a process builds the endpoint
    /// matcher (every minimal-API endpoint's request delegate, ≈ 0.25 s of CPU on a cold start), and a liveness probe,
    /// often that first request, needs none of it. The same health-check middleware and answer ("Healthy").
    /// </summary>
    public static IApplicationBuilder UseLivenessProbe(this IApplicationBuilder app) =>
        app.UseHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
        return endpoints;
    }

    /// <summary>Names and statuses only: a readiness probe must not leak configuration or exception text.</summary>
    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        });
    }
}
