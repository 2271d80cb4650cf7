using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AwarenessBot.Catalog;
using AwarenessBot.Analytics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Admin;

public sealed class AdminDashboardTests
{
    [Theory]
    [InlineData("/admin/api/aggregates")]
    [InlineData("/admin/export/sessions.csv")]
    public async Task Data_endpoints_answer_401_without_the_key_or_with_a_wrong_one(string path)
    {
        await using var app = await AdminTestHost.StartAsync();
        using var client = app.GetTestClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, path);
        wrong.Headers.Add("X-Admin-Key", AdminTestHost.Key + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task Aggregates_answer_200_with_the_key_in_either_header_and_show_small_counts_as_under_five()
    {
        await using var app = await AdminTestHost.StartAsync();
        using var client = app.GetTestClient();

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/admin/api/aggregates?from=2026-11-01&to=2026-11-28");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminTestHost.Key);
        using var response = await client.SendAsync(bearer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var days = json.RootElement.GetProperty("sessionsByDay");
        Assert.Equal("<5", days[0].GetProperty("count").GetString());
        Assert.Equal(12, days[1].GetProperty("count").GetInt32());
        Assert.Equal("2026-11-01", json.RootElement.GetProperty("from").GetString());

        using var header = new HttpRequestMessage(HttpMethod.Get, "/admin/api/aggregates");
        header.Headers.Add("X-Admin-Key", AdminTestHost.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(header)).StatusCode);
    }

    [Fact]
    public async Task Csv_export_contains_under_five_for_small_counts()
    {
        await using var app = await AdminTestHost.StartAsync();
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", AdminTestHost.Key);

        using var response = await client.GetAsync("/admin/export/sessions_by_region.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("region,sessions\nNS,<5\nON,13\n", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/export/users.csv")).StatusCode);
    }

    [Theory]
    [InlineData("?from=2026-11-28&to=2026-11-01")]
    [InlineData("?from=28/11/2026")]
    [InlineData("?from=2020-01-01&to=2026-11-28")]
    public async Task Bad_ranges_are_refused(string query)
    {
        await using var app = await AdminTestHost.StartAsync();
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", AdminTestHost.Key);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/admin/api/aggregates" + query)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    public async Task Without_a_usable_key_the_data_endpoints_are_404_and_the_page_says_disabled(string? configuredKey)
    {
        await using var app = await AdminTestHost.StartAsync(configuredKey);
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", configuredKey ?? "anything");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/api/aggregates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/export/sessions.csv")).StatusCode);
        using var status = JsonDocument.Parse(await client.GetStringAsync("/admin/api/status"));
        Assert.False(status.RootElement.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task The_page_is_served_without_data_under_a_strict_policy_with_stable_chart_hooks()
    {
        await using var app = await AdminTestHost.StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync("/admin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("sessionStorage", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        var script = await File.ReadAllTextAsync(Path.Combine(AdminTestHost.HostFolder(), "wwwroot", "admin", "admin.js"));
        Assert.Contains("'data-chart': name", script, StringComparison.Ordinal);
        foreach (var chart in new[] { "sessions", "funnel", "services", "crises" })
        {
            Assert.Contains($"id=\"{chart}-chart\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Events_recorded_through_the_sink_reach_the_dashboard_suppressed()
    {
        await using var app = await AdminTestHost.StartAsync(realAnalytics: true);
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", AdminTestHost.Key);
        var sink = app.Services.GetRequiredService<IAnalyticsSink>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            sink.Record(new AnalyticsEvent(AnalyticsEventNames.CrisisRaised, AnalyticsSessionKey.New(), now, new Dictionary<string, string> { ["category"] = "immediate_danger" }));
        }

        // The writer is a background service: poll (bounded) until the events are stored.
        var csv = string.Empty;
        for (var attempt = 0; attempt < 100 && !csv.Contains("immediate_danger", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(20);
            csv = await client.GetStringAsync("/admin/export/crises.csv");
        }

        Assert.Equal("category,crises\nimmediate_danger,<5\n", csv);
    }
}
