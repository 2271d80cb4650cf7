using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Browser;

/// <summary>The real host (Program, its adapter and bot) on a loopback port, driven through the page by Web Chat.</summary>
public sealed class RealHostBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_real_bot_answers_through_the_page()
    {
        var factory = new BotHostFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)))
            .First();
        await using var session = await BrowserSession.OpenAsync(address, factory, mobile: true);
        var page = session.Page;
        await page.GotoAsync(session.Url("/"));
        await page.Locator("[data-id='webchat-sendbox-input']").FillAsync("hello");
        await page.Locator("[data-id='webchat-sendbox-input']").PressAsync("Enter");

        // Whatever the bot says (its text is content, not this test's business): a bot message after the user's.
        await Assertions.Expect(page.Locator(BotMessageAfterUsersMessage).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var path = Path.GetFullPath(Path.Combine(Tests.DirectLine.RepositoryFolders.HostProject, "..", "..", "TestResults", "screenshots", "10-real-host.png"));
        await page.ScreenshotAsync(new() { Path = path });
        output.WriteLine("screenshot: " + path);
        Assert.Empty(session.Outside);
        Assert.True(session.ConsoleErrors.IsEmpty, string.Join("\n", session.ConsoleErrors));
    }

    private const string Activity = "article[contains(@class,'webchat__basic-transcript__activity')]";
    private const string FromUser = ".//*[contains(@class,'webchat__bubble--from-user')]";
    private const string BotMessageAfterUsersMessage = $"xpath=//{Activity}[{FromUser}]/following::{Activity}[not({FromUser})]";
}
