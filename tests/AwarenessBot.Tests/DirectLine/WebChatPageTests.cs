using System.Net;
using System.Text.RegularExpressions;

namespace AwarenessBot.Tests.DirectLine;

public sealed partial class WebChatPageTests
{
    [Fact]
    public async Task The_page_is_served_with_a_strict_policy_whose_nonce_matches_the_page()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("__", html.Replace("__proto__", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var nonce = NonceMeta().Match(html).Groups[1].Value;
        Assert.Contains($"style-src 'self' 'nonce-{nonce}'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("data-idle-minutes=\"5\"", html, StringComparison.Ordinal);
        Assert.Contains("data-quick-exit-url=\"https://weather.gc.ca/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_response_gets_a_new_nonce()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        using var client = host.CreateClient();

        var first = NonceMeta().Match(await client.GetStringAsync(new Uri("/", UriKind.Relative))).Groups[1].Value;
        var second = NonceMeta().Match(await client.GetStringAsync(new Uri("/index.html", UriKind.Relative))).Groups[1].Value;

        Assert.NotEqual(first, second);
    }

    [GeneratedRegex("<meta name=\"csp-nonce\" content=\"([^\"]+)\">")]
    private static partial Regex NonceMeta();
}
