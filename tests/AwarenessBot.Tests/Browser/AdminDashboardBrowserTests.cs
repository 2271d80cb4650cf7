using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AwarenessBot.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Browser;

/// <summary>The programme dashboard in Chromium, on the real host with SQLite analytics fed by real conversations.</summary>
public sealed class AdminDashboardBrowserTests(ITestOutputHelper output) : IDisposable
{
    private const string Key = "browser-admin-key-0123456789";
    private const int Sessions = 6; // at least 5, so that one cell shows a number and not "<5"

    private readonly string _data = Directory.CreateTempSubdirectory("awarenessbot-admin-").FullName;

    [BrowserFact]
    public async Task The_four_charts_render_with_small_counts_hidden()
    {
        var (factory, address) = RealHost.Start(new()
        {
            ["Admin:Key"] = Key,
            ["Analytics:Enabled"] = "true",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _data,
        });
        await using var session = await BrowserSession.OpenAsync(address, factory, mobile: false);
        using var client = new HttpClient { BaseAddress = address };

        using (var anonymous = await client.GetAsync(new Uri("/admin/api/aggregates", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        // Every visitor goes through the welcome to the worker-rights module; two of them report danger.
        for (var i = 0; i < Sessions; i++)
        {
            var conversation = $"admin-browser-{i}";
            foreach (var text in new[] { "hello", "en", "worker", "skip", "worker_rights" })
            {
                await ActivityJson.ExchangeAsync(client, ActivityJson.Message(text, conversation));
            }

            if (i < 2)
            {
                await ActivityJson.ExchangeAsync(client, ActivityJson.Message("he locked me in and says he'll hurt me", conversation));
            }
        }

        var aggregates = await WaitForAggregatesAsync(client);
        output.WriteLine(aggregates.ToJsonString());

        var page = session.Page;
        await page.GotoAsync(session.Url("/admin"));
        await page.GetByLabel("Admin key").FillAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show dashboard" }).ClickAsync();

        foreach (var chart in new[] { "sessions", "funnel", "services", "crises" })
        {
            var svg = page.Locator($"svg[data-chart='{chart}']");
            await Assertions.Expect(svg).ToBeVisibleAsync();
            await Assertions.Expect(svg.Locator("rect").First).ToBeAttachedAsync();
        }

        // Six sessions today are a number; two crises are "<5", drawn as a stub and never scaled.
        await Assertions.Expect(page.Locator("svg[data-chart='sessions'] text").Filter(new() { HasTextString = Sessions.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("svg[data-chart='crises'] text").Filter(new() { HasTextString = "<5" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("svg[data-chart='crises'] rect.suppressed")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#crises-table")).ToContainTextAsync("<5");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("20-admin-dashboard"), FullPage = true });
        Assert.True(session.ConsoleErrors.IsEmpty, string.Join("\n", session.ConsoleErrors));
        Assert.Empty(session.Outside);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    // The analytics writer flushes in the background: poll the API (with the key) until today's sessions show.
    private static async Task<JsonObject> WaitForAggregatesAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/aggregates");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            var crises = json["crisesByCategory"]!.AsArray();
            if (json["sessionsByDay"]!.AsArray().Any(day => day!["count"]!.ToJsonString() == Sessions.ToString(System.Globalization.CultureInfo.InvariantCulture)) && crises.Count > 0)
            {
                return json;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The analytics never showed the test's sessions.");
    }

    private string ScreenshotPath(string name)
    {
        var path = Path.GetFullPath(Path.Combine(DirectLine.RepositoryFolders.HostProject, "..", "..", "TestResults", "screenshots", name + ".png"));
        output.WriteLine("screenshot: " + path);
        return path;
    }
}
