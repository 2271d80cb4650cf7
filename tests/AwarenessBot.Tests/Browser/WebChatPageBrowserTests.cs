using AwarenessBot.Content.Abstractions;
using AwarenessBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Browser;

/// <summary>The real Web Chat, in Chromium, against the bot's own Direct Line endpoint and page.</summary>
public sealed class WebChatPageBrowserTests(ITestOutputHelper output)
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";

    [BrowserFact]
    public async Task A_visitor_chats_uses_a_suggested_action_sees_the_emergency_banner_switches_to_french_and_leaves()
    {
        await using var session = await BrowserSession.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(session.Url("/"));

        await Expect(Said(page, ScriptedTurnRunner.Greeting)).ToBeVisibleAsync();
        await ShotAsync(session, "01-greeting-mobile");

        await page.Locator(SendBox).FillAsync("hello there");
        await page.Locator(SendBox).PressAsync("Enter");
        await Expect(Said(page, "You wrote 11 characters.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = ScriptedTurnRunner.SafetyTopic }).Last.ClickAsync();
        await Expect(Said(page, ScriptedTurnRunner.SafetyAnswer)).ToBeVisibleAsync();
        await ShotAsync(session, "02-reply-and-suggested-action");

        await page.Locator(SendBox).FillAsync(ScriptedTurnRunner.DangerWord);
        await page.Locator(SendBox).PressAsync("Enter");
        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "911" });
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "1-833-900-1010" })).ToHaveAttributeAsync("href", "tel:18339001010");
        await ShotAsync(session, "03-emergency-banner");

        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(Said(page, ScriptedTurnRunner.FrenchAnswer)).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Composez le 911");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Français" })).ToHaveAttributeAsync("aria-pressed", "true");
        await ShotAsync(session, "04-french");

        Assert.Empty(session.Outside);
        Assert.NotEmpty(session.WebSockets);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sortie rapide" }).ClickAsync();
        await WaitForExitAsync(session);

        // The chat is gone, it is not one Back press away, and the only outside request was the exit itself.
        Assert.Equal(["https://weather.gc.ca/"], session.Outside);
        await page.GoBackAsync();
        Assert.DoesNotContain("127.0.0.1", page.Url, StringComparison.Ordinal);
        AssertStayedLocal(session);
    }

    [BrowserFact]
    public async Task Polling_mode_works_and_escape_is_a_quick_exit()
    {
        await using var session = await BrowserSession.OpenAsync(mobile: false);
        var page = session.Page;
        await page.GotoAsync(session.Url("/?transport=polling"));

        await Expect(Said(page, ScriptedTurnRunner.Greeting)).ToBeVisibleAsync();
        await page.Locator(SendBox).FillAsync("by polling");
        await page.Locator(SendBox).PressAsync("Enter");
        await Expect(Said(page, "You wrote 10 characters.")).ToBeVisibleAsync();
        await ShotAsync(session, "05-desktop-polling");
        Assert.Empty(session.WebSockets);

        // Typing the language instead of using the switch: the bot answers in French and the page follows.
        await page.Locator(SendBox).FillAsync("Français");
        await page.Locator(SendBox).PressAsync("Enter");
        await Expect(Said(page, ScriptedTurnRunner.FrenchAnswer)).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sortie rapide" })).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Escape");
        await WaitForExitAsync(session);
        AssertStayedLocal(session);
    }

    [BrowserFact]
    public async Task After_the_idle_time_the_chat_clears_itself_and_says_why()
    {
        await using var session = await BrowserSession.OpenAsync(new() { ["WebChatPage:IdleMinutes"] = "2" });
        var page = session.Page;
        await page.Clock.InstallAsync();
        await page.GotoAsync(session.Url("/"));
        await Expect(Said(page, ScriptedTurnRunner.Greeting)).ToBeVisibleAsync();

        await page.Clock.FastForwardAsync("02:01");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("cleared after 2 minutes without activity");
        await Expect(page.GetByText(ScriptedTurnRunner.Greeting, new() { Exact = true })).ToHaveCountAsync(0);
        await ShotAsync(session, "06-idle-cleared");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new chat" }).ClickAsync();
        await Expect(Said(page, ScriptedTurnRunner.Greeting)).ToBeVisibleAsync();
        AssertStayedLocal(session);
    }

    [BrowserFact]
    public async Task Without_the_hotline_in_the_directory_the_banner_still_gives_911_and_types_no_number()
    {
        var only911 = new PartialServiceDirectory(PartialServiceDirectory.Service("ca_911", "911", phone: "911"));
        await using var session = await BrowserSession.OpenAsync(configureServices: s => s.AddSingleton<IServiceDirectory>(only911));
        var page = session.Page;
        await page.GotoAsync(session.Url("/"));
        await Expect(Said(page, ScriptedTurnRunner.Greeting)).ToBeVisibleAsync();

        await page.Locator(SendBox).FillAsync(ScriptedTurnRunner.DangerWord);
        await page.Locator(SendBox).PressAsync("Enter");

        var banner = page.Locator("#emergency[role=alert]");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner.Locator(".emergency-title")).ToHaveTextAsync("In danger now? Call 911.");
        await Expect(banner.Locator(".emergency-title a")).ToHaveAttributeAsync("href", "tel:911");
        await Expect(banner.Locator(".emergency-detail")).ToHaveTextAsync("If you are not safe, call 911.");
        await Expect(page.Locator(".footer")).ToContainTextAsync("In an emergency, call 911.");
        await ShotAsync(session, "07-banner-without-hotline");

        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Expect(banner.Locator(".emergency-title")).ToHaveTextAsync("En danger maintenant? Composez le 911.");
        await Expect(banner.Locator(".emergency-detail")).ToHaveTextAsync("Si vous n’êtes pas en sécurité, composez le 911.");
        AssertStayedLocal(session);
    }

    [BrowserFact]
    public async Task With_an_empty_directory_the_page_says_to_call_emergency_services_without_a_number()
    {
        await using var session = await BrowserSession.OpenAsync(configureServices: s => s.AddSingleton<IServiceDirectory>(new PartialServiceDirectory()));
        var page = session.Page;
        await page.GotoAsync(session.Url("/"));
        await Expect(Said(page, ScriptedTurnRunner.Greeting)).ToBeVisibleAsync();

        await page.Locator(SendBox).FillAsync(ScriptedTurnRunner.DangerWord);
        await page.Locator(SendBox).PressAsync("Enter");

        var banner = page.Locator("#emergency[role=alert]");
        await Expect(banner).ToContainTextAsync("In danger now? Call emergency services.");
        await Expect(banner.Locator(".emergency-detail")).ToHaveTextAsync("If you are not safe, call emergency services.");
        await Expect(banner.Locator("a")).ToHaveCountAsync(0);
        await Expect(page.Locator(".footer")).ToHaveTextAsync("In an emergency, call emergency services. You are chatting with an automated assistant, not a person.");
        AssertStayedLocal(session);
    }

    /// <summary>A message in the transcript (Web Chat also repeats it in hidden labels for screen readers).</summary>
    private static ILocator Said(IPage page, string text) => page.GetByText(text, new() { Exact = true }).First;

    // Polls the URL: the neutral page is answered locally, so fast that WaitForURL's navigation event can be missed.
    private static Task WaitForExitAsync(BrowserSession session) =>
        Expect(session.Page).ToHaveURLAsync("https://weather.gc.ca/");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static void AssertStayedLocal(BrowserSession session)
    {
        Assert.All(session.Outside, url => Assert.StartsWith("https://weather.gc.ca/", url, StringComparison.Ordinal));
        Assert.All(session.WebSockets, url => Assert.StartsWith("ws://127.0.0.1:", url, StringComparison.Ordinal));
        Assert.True(session.ConsoleErrors.IsEmpty, string.Join("\n", session.ConsoleErrors));
    }

    private async Task ShotAsync(BrowserSession session, string name) =>
        output.WriteLine("screenshot: " + await session.ScreenshotAsync(name));
}
