using System.Text.Json;
using System.Text.RegularExpressions;
using AwarenessBot.Tests.DirectLine;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Browser;

/// <summary>
/// The greeting does not wait for Web Chat (issue 15's 1 s target): the page's own small script shows the bot's first
/// messages and choices and takes answers while <c>/lib/webchat.js</c> is still on its way (held back here by the
/// test), then Web Chat joins the same conversation and replaces the early view with nothing lost or shown twice.
/// </summary>
public sealed class EarlyGreetingBrowserTests(ITestOutputHelper output)
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";

    // seeds/content/system: system_welcome_intro, system_welcome_language, system_welcome_who (en, fr); Web Chat's
    // Markdown and the early view both show straight apostrophes as typographic ones.
    private const string WelcomePrivacy = "I don’t ask your name or address. I don’t keep what you type.";
    private const string LanguageQuestion = "Which language do you want? You can change it any time.";
    private const string WhoQuestion = "Who are you? This helps me show the right things. You can skip any question.";
    private const string WhoQuestionFr = "Qui es-tu? Ça m’aide à te montrer les bonnes choses. Tu peux passer une question.";

    [BrowserFact]
    public async Task The_greeting_is_answerable_before_web_chat_loads_and_web_chat_takes_over_the_same_conversation()
    {
        var (factory, address) = RealHost.Start();
        await using var session = await BrowserSession.OpenAsync(address, factory, mobile: true);
        var page = session.Page;
        var release = await HoldWebChatAsync(page);

        await page.GotoAsync(session.Url("/"));

        // The bot's real greeting and its choices, in plain HTML, while Web Chat is not there at all.
        var early = page.Locator(".early");
        await Expect(early.GetByText(WelcomePrivacy, new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(early.GetByText(LanguageQuestion, new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.False(await page.EvaluateAsync<bool>("() => 'WebChat' in window"));
        await Expect(page.GetByRole(AriaRole.Log)).ToBeVisibleAsync();
        await ShotAsync(session, "30-early-greeting");

        // No serious accessibility problem in the early view either.
        await AssertAccessibleAsync(page);

        // A choice made early goes to the bot through Direct Line: it answers in French, and the page follows.
        var french = page.GetByRole(AriaRole.Button, new() { Name = "Français", Exact = true });
        await Expect(french).ToHaveCountAsync(2);
        await early.GetByRole(AriaRole.Button, new() { Name = "Français", Exact = true }).ClickAsync();
        await Expect(early.GetByText(WhoQuestionFr, new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(early.Locator(".early-from-user")).ToHaveTextAsync([new Regex("Français$")]);
        Assert.False(await page.EvaluateAsync<bool>("() => 'WebChat' in window"));
        await ShotAsync(session, "31-early-answer");

        // Web Chat arrives, joins the same conversation and replaces the early view: every message once, none lost.
        release.SetResult();
        await Expect(page.Locator(SendBox)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(early).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        var bubbles = page.Locator(".webchat__bubble");
        await Expect(bubbles.Filter(new() { HasText = WhoQuestionFr })).ToHaveCountAsync(1);
        Assert.Equal(1, await bubbles.Filter(new() { HasText = WelcomePrivacy }).CountAsync());
        Assert.Equal(1, await bubbles.Filter(new() { HasText = LanguageQuestion }).CountAsync());
        var fromUser = page.Locator(".webchat__bubble--from-user");
        await Expect(fromUser).ToHaveCountAsync(1);
        await Expect(fromUser).ToHaveTextAsync(new Regex(@"^\s*Français\s*$"));
        await ShotAsync(session, "32-web-chat-took-over");

        // The conversation goes on in Web Chat, in the language chosen early.
        var young = page.GetByRole(AriaRole.Button, new() { Name = "Je suis jeune", Exact = true });
        await Expect(young.Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await young.Last.ClickAsync();
        await Expect(fromUser).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Expect(fromUser.Last).ToHaveTextAsync(new Regex(@"^\s*Je suis jeune\s*$"));
        Assert.True(session.ConsoleErrors.IsEmpty, string.Join("\n", session.ConsoleErrors));
        Assert.Empty(session.Outside);
    }

    [BrowserFact]
    public async Task An_answer_typed_early_is_honoured_once_and_the_unsent_draft_moves_to_web_chat()
    {
        var (factory, address) = RealHost.Start();
        await using var session = await BrowserSession.OpenAsync(address, factory, mobile: true);
        var page = session.Page;
        var release = await HoldWebChatAsync(page);
        await page.GotoAsync(session.Url("/?transport=polling"));

        var early = page.Locator(".early");
        var english = page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true });
        await Expect(english).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await english.Last.ClickAsync();
        await Expect(early.GetByText(WhoQuestion, new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // A typed answer (the bot reads "student" in free text), then words not yet sent when Web Chat arrives.
        var input = page.GetByRole(AriaRole.Textbox, new() { Name = "Type your message" });
        await input.FillAsync("I am a student");
        await input.PressAsync("Enter");
        await Expect(early.Locator(".early-from-user")).ToHaveCountAsync(2);
        await Expect(early.Locator(".early-from-bot")).Not.ToHaveCountAsync(0);
        await page.WaitForTimeoutAsync(1_500);
        var botMessagesBefore = await early.Locator(".early-from-bot").CountAsync();
        await input.FillAsync("not sent yet");

        release.SetResult();
        await Expect(early).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(page.Locator(SendBox)).ToHaveValueAsync("not sent yet");
        var fromUser = page.Locator(".webchat__bubble--from-user");
        await Expect(fromUser).ToHaveCountAsync(2);
        await Expect(fromUser.Nth(1)).ToHaveTextAsync(new Regex(@"^\s*I am a student\s*$"));
        Assert.Equal(botMessagesBefore, await page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").CountAsync());
        Assert.Empty(session.WebSockets);
        Assert.True(session.ConsoleErrors.IsEmpty, string.Join("\n", session.ConsoleErrors));
    }

    /// <summary>Holds every request for the Web Chat bundle until the returned source is completed.</summary>
    private static async Task<TaskCompletionSource> HoldWebChatAsync(IPage page)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/lib/webchat.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        return release;
    }

    private async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await File.ReadAllTextAsync(Path.Combine(RepositoryFolders.HostProject, "node_modules", "axe-core", "axe.min.js"));
        await page.EvaluateAsync(axe);
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document)).violations.map(v => ({ id: v.id, impact: v.impact, target: v.nodes[0].target.join(' ') }))");
        var serious = violations.EnumerateArray()
            .Select(v => $"{v.GetProperty("id")} ({v.GetProperty("impact")}) at {v.GetProperty("target")}")
            .ToList();
        output.WriteLine("axe (early view): " + (serious.Count == 0 ? "none" : string.Join("; ", serious)));
        Assert.DoesNotContain(violations.EnumerateArray(), v => v.GetProperty("impact").GetString() is "serious" or "critical");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task ShotAsync(BrowserSession session, string name) =>
        output.WriteLine("screenshot: " + await session.ScreenshotAsync(name));
}
