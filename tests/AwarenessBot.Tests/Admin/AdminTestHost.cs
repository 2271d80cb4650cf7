using System.Text.Json;
using AwarenessBot.Analytics;
using AwarenessBot.Tests.DirectLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Admin;

/// <summary>
/// A minimal app with only the admin dashboard mapped (the same extension methods Program.cs calls), on the host's
/// real wwwroot, with in-memory storage. Aggregates come from a fixed query unless <paramref name="realAnalytics"/>.
/// </summary>
internal static class AdminTestHost
{
    public const string Key = "test-admin-key-0123456789";

    public static async Task<WebApplication> StartAsync(string? adminKey = Key, bool realAnalytics = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = HostFolder(),
            WebRootPath = Path.Combine(HostFolder(), "wwwroot"),
        });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Memory",
            ["Admin:Key"] = adminKey,
        });
        builder.Services.AddBotStorage(builder.Configuration);
        builder.Services.AddAdminDashboard(builder.Configuration);
        if (!realAnalytics)
        {
            builder.Services.AddSingleton<IAnalyticsQuery>(new FixedQuery());
        }

        var app = builder.Build();
        app.MapAdminDashboard();
        await app.StartAsync();
        return app;
    }

    /// <summary>src/AwarenessBot, found from the test binaries.</summary>
    public static string HostFolder() => RepositoryFolders.HostProject;

    /// <summary>Counts can only be made by the storage library or its JSON converter: the converter is public.</summary>
    private static SuppressedCount Count(long raw) => JsonSerializer.Deserialize<SuppressedCount>(raw.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private sealed class FixedQuery : IAnalyticsQuery
    {
        public Task<AnalyticsAggregates> GetAggregatesAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
            => Task.FromResult(new AnalyticsAggregates(
                firstDay,
                lastDay,
                [new LabelCount("2026-11-27", Count(4)), new LabelCount("2026-11-28", Count(12))],
                [new LabelCount("webchat", Count(16))],
                [],
                [new LabelCount("NS", Count(3)), new LabelCount("ON", Count(13))],
                [new ModuleFunnelRow("online_grooming", Count(9), Count(2), null)],
                [],
                [new LabelCount("QC", Count(5))],
                [new LabelCount("immediate_danger", Count(1))]));
    }
}
