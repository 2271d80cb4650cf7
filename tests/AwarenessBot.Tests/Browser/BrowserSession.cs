using System.Collections.Concurrent;
using AwarenessBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AwarenessBot.Tests.Browser;

/// <summary>
/// Chromium (Debian's, not a downloaded one) on a page of the real host on a loopback port. Every request that
/// would leave the machine (not 127.0.0.1 or localhost) is answered locally instead and recorded, so the test can
/// prove none was made.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private readonly IAsyncDisposable _host;

    private BrowserSession(Uri baseAddress, IAsyncDisposable host, IPlaywright playwright, IBrowser browser, IPage page)
    {
        BaseAddress = baseAddress;
        _host = host;
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public Uri BaseAddress { get; }

    public IPage Page { get; }

    /// <summary>Requests that would have left the machine (intercepted and answered locally).</summary>
    public ConcurrentQueue<string> Outside { get; } = new();

    public ConcurrentQueue<string> ConsoleErrors { get; } = new();

    public ConcurrentQueue<string> WebSockets { get; } = new();

    /// <summary>A session on the channel and page around <see cref="ScriptedTurnRunner"/>.</summary>
    public static async Task<BrowserSession> OpenAsync(
        Dictionary<string, string?>? settings = null, bool mobile = true, Action<IServiceCollection>? configureServices = null)
    {
        var host = await DirectLineTestHost.StartAsync(kestrel: true, settings: settings, configureServices: configureServices);
        return await OpenAsync(host.BaseAddress, host, mobile);
    }

    /// <summary>A session on any host listening on 127.0.0.1; the session disposes <paramref name="host"/>.</summary>
    public static async Task<BrowserSession> OpenAsync(Uri baseAddress, IAsyncDisposable host, bool mobile)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserFactAttribute.ChromiumPath, Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = mobile ? new() { Width = 390, Height = 844 } : new() { Width = 1280, Height = 860 },
            DeviceScaleFactor = mobile ? 2 : 1,
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "en-CA",
        });
        var page = await context.NewPageAsync();
        var session = new BrowserSession(baseAddress, host, playwright, browser, page);
        await page.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            // 127.0.0.1 and localhost: two local origins (the embedding tests frame the chat from the other one).
            if (url.IsLoopback)
            {
                await route.ContinueAsync();
                return;
            }

            session.Outside.Enqueue(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>Weather</title><p>Neutral page" });
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.ConsoleErrors.Enqueue(message.Text);
            }
        };
        page.WebSocket += (_, socket) => session.WebSockets.Enqueue(socket.Url);
        return session;
    }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    public async Task<string> ScreenshotAsync(string name)
    {
        var folder = Path.Combine(RepositoryFolders.HostProject, "..", "..", "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.GetFullPath(Path.Combine(folder, name + ".png"));
        await Page.ScreenshotAsync(new() { Path = path, FullPage = false });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
    }
}
