using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Browser;

/// <summary>The real host (Program, its adapter, dialog engine and bot) on a loopback port, driven through the page by Web Chat.</summary>
public sealed class RealHostBrowserTests(ITestOutputHelper output)
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";

    // seeds/content/system/: the welcome (system_welcome_intro), the audience question (system_welcome_who), the
    // crisis answer (system_crisis_immediate_danger) and the language confirmation (system_language_changed). Web Chat's
    // Markdown shows straight apostrophes as typographic ones.
    private const string WelcomePrivacy = "I don’t ask your name or address. I don’t keep what you type.";
    private const string WhoQuestion = "Who are you? This helps me show the right things. You can skip any question.";
    private const string CrisisOpening = "I’m worried about your safety. If you are in danger now, call 911 first.";
    private const string FrenchConfirmation = "D’accord, je vais écrire en français.";

    [BrowserFact]
    public async Task A_visitor_meets_the_real_bot_chooses_english_reports_danger_switches_to_french_and_leaves()
    {
        var (factory, address) = RealHost.Start();
        await using var session = await BrowserSession.OpenAsync(address, factory, mobile: true);
        var page = session.Page;
        await page.GotoAsync(session.Url("/"));

        // The bot greets when Web Chat joins, then asks for a language with suggested actions.
        await Expect(Said(page, WelcomePrivacy)).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await ShotAsync(session, "10-real-greeting");

        // messageBack: the bot receives the stable value, the transcript shows the label the person pressed.
        // The page's own language switch has an "English" button too: wait for the bot's (the last) before clicking it.
        var englishButtons = page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true });
        await Expect(englishButtons).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await englishButtons.Last.ClickAsync();
        await Expect(Said(page, WhoQuestion)).ToBeVisibleAsync();
        // In the early view or in Web Chat, whichever shows the conversation by now (Web Chat may still be loading).
        var userBubbles = page.Locator(".webchat__bubble--from-user, .early-from-user .early-bubble");
        await Expect(userBubbles.Last).ToHaveTextAsync(new Regex(@"^\s*English\s*$"));
        await ShotAsync(session, "11-real-who-are-you");

        await page.Locator(SendBox).FillAsync("he locked me in and says he'll hurt me");
        await page.Locator(SendBox).PressAsync("Enter");
        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "911" });
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "911", Exact = true }).First).ToHaveAttributeAsync("href", "tel:911");
        await Expect(banner.GetByRole(AriaRole.Link, new() { Name = "1-833-900-1010" })).ToHaveAttributeAsync("href", "tel:18339001010");
        await Expect(page.GetByText(CrisisOpening).First).ToBeVisibleAsync();

        // The service's contact buttons stay with it (the page turns contact-only suggested actions into a card),
        // although more messages follow it.
        var emergencyService = page.Locator("article").Filter(new() { HasText = "Police, fire, ambulance." });
        await Expect(emergencyService.GetByRole(AriaRole.Button, new() { Name = "Call" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Main menu", Exact = true }).Last).ToBeVisibleAsync();
        await page.EvaluateAsync(RecordWindowOpen);
        await emergencyService.GetByRole(AriaRole.Button, new() { Name = "Call" }).First.ClickAsync();
        Assert.Equal(["tel:911"], await page.EvaluateAsync<string[]>("() => window.opened"));
        await ShotAsync(session, "12-real-crisis");
        await page.Locator("article").Filter(new() { HasText = "Canadian Human Trafficking Hotline —" }).Last.ScrollIntoViewIfNeededAsync();
        await ShotAsync(session, "12b-real-crisis-hotline");

        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).First.ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(Said(page, FrenchConfirmation)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(banner).ToContainTextAsync("Composez le 911");
        await Expect(banner).ToContainTextAsync("Ligne d’urgence canadienne contre la traite des personnes");
        await ShotAsync(session, "13-real-french");

        Assert.Empty(session.Outside);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sortie rapide" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync("https://weather.gc.ca/");
        Assert.Equal(["https://weather.gc.ca/"], session.Outside);
        Assert.True(session.ConsoleErrors.IsEmpty, string.Join("\n", session.ConsoleErrors));
    }

    // Web Chat opens call buttons with window.open (a new window, then its location): record instead of dialling.
    private const string RecordWindowOpen = """
        () => {
          window.opened = [];
          window.open = (url) => {
            if (url) { window.opened.push(String(url)); }
            const opened = { opener: null };
            Object.defineProperty(opened, 'location', { set: (value) => window.opened.push(String(value)) });
            return opened;
          };
        }
        """;

    /// <summary>A message in the transcript (Web Chat also repeats it in hidden labels for screen readers).</summary>
    private static ILocator Said(IPage page, string text) => page.GetByText(text, new() { Exact = true }).First;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task ShotAsync(BrowserSession session, string name) =>
        output.WriteLine("screenshot: " + await session.ScreenshotAsync(name));
}
