using System.Net;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Hardening;

/// <summary>Issue 14, finding 8: every HTML route carries a Content-Security-Policy.</summary>
public sealed class ContentSecurityPolicyTests(BotHostFactory factory) : IClassFixture<BotHostFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/privacy")]
    [InlineData("/privacy.html")]
    [InlineData("/admin")]
    [InlineData("/admin/dashboard.html")]
    [InlineData("/index.html")]
    [InlineData("/embed")]
    [InlineData("/embed?module=online_safety&band=13_15&lang=fr")]
    [InlineData("/educators")]
    public async Task Every_html_route_has_a_content_security_policy(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }
}
