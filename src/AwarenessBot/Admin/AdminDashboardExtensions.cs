using AwarenessBot.Admin;

#pragma warning disable IDE0130 // Extension methods live in the DI/routing namespaces so Program.cs needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>The anonymous programme dashboard: <c>/admin</c>, <c>/admin/api/aggregates</c>, <c>/admin/export/{aggregate}.csv</c>.</summary>
public static class AdminDashboardExtensions
{
    /// <summary>
    /// Reads section <c>Admin</c> (<c>Key</c>: at least 16 characters, unset = data endpoints disabled;
    /// <c>DefaultDays</c>: 30). Needs <c>AddBotStorage</c> for <c>IAnalyticsQuery</c>, and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddAdminDashboard(this IServiceCollection s, IConfiguration c)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(c);
        s.AddSingleton(AdminOptions.From(c));
        s.AddSingleton<AdminKeyFilter>();
        return s;
    }

    /// <summary>Maps the page (served without data) and the key-protected data endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/admin", AdminPageEndpoint.Serve).ExcludeFromDescription();
        app.MapGet("/admin/api/status", AdminDataEndpoints.Status).ExcludeFromDescription();

        var data = app.MapGroup("/admin").AddEndpointFilter<AdminKeyFilter>().ExcludeFromDescription();
        data.MapGet("/api/aggregates", AdminDataEndpoints.AggregatesAsync);
        data.MapGet("/export/{aggregate}.csv", AdminDataEndpoints.CsvAsync);
        return app;
    }
}
