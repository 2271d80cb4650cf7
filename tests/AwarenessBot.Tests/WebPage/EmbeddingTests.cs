using System.Net;
using System.Text;
using AwarenessBot.Hosting;
using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Tests.WebPage;

/// <summary>Issue 15: who may frame the chat, lesson links as data (clear 400s), the QR code, compressed Web Chat.</summary>
public sealed class EmbeddingTests
{
    private const string School = "https://school.example";

    private static BotHostFactory Host(params string[] origins)
    {
        var factory = new BotHostFactory();
        for (var i = 0; i < origins.Length; i++)
        {
            factory.WithSetting($"WebChatPage:EmbedOrigins:{i}", origins[i]);
        }

        return factory;
    }

    [Fact]
    public async Task The_allowed_origins_may_frame_embed_and_its_direct_line_calls_and_nothing_else()
    {
        await using var factory = Host(School, "HTTPS://Lessons.Example:443/");
        using var client = factory.CreateClient();

        using var embed = await client.GetAsync(new Uri("/embed", UriKind.Relative));
        var policy = embed.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'self' https://school.example https://lessons.example;", policy, StringComparison.Ordinal);
        Assert.False(embed.Headers.Contains("X-Frame-Options"), "X-Frame-Options SAMEORIGIN would contradict frame-ancestors.");

        using var start = await client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), Json("{}"));
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal("frame-ancestors 'self' https://school.example https://lessons.example", start.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(start.Headers.Contains("X-Frame-Options"));

        foreach (var path in new[] { "/", "/privacy", "/educators" })
        {
            using var other = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal("SAMEORIGIN", other.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'self';", other.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_allowed_origins_nobody_else_may_frame_the_chat()
    {
        await using var factory = Host();
        using var client = factory.CreateClient();

        using var embed = await client.GetAsync(new Uri("/embed", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Contains("frame-ancestors 'self';", embed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", embed.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("data-mode=\"embed\"", await embed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.school.example")]
    [InlineData("https://school.example/lessons")]
    [InlineData("school.example")]
    [InlineData("ftp://school.example")]
    [InlineData("https://school.example/?a=1")]
    public async Task An_origin_that_is_not_one_stops_the_host_with_a_clear_message(string origin)
    {
        // The host is built and started here as Program does, not through WebApplicationFactory: its deferred host starts
        // the app on another thread and, under load, reports a failed start as its service provider already disposed
        // (dotnet/aspnetcore#38335), which hid the validation message on CI.
        var builder = WebApplication.CreateBuilder(
            ["--urls", "http://127.0.0.1:0", "--environment", "Testing", "--Storage:Provider", "Memory", "--Analytics:Enabled", "false",
             "--Content:HotReload", "false", "--WebChatPage:EmbedOrigins:0", origin]);
        builder.AddAwarenessBot();
        await using var app = builder.Build();
        app.UseAwarenessBot();

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("WebChatPage:EmbedOrigins", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lesson_link_puts_its_checked_values_in_the_page()
    {
        await using var factory = Host();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/embed?module=online_safety&band=13_15&lang=fr", UriKind.Relative));

        Assert.Contains("data-lesson-module=\"online_safety\" data-lesson-band=\"13-15\" data-lesson-locale=\"fr\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/embed?module=online_safety")]
    [InlineData("/embed?band=13_15")]
    [InlineData("/embed?module=online_safety&band=12_15")]
    [InlineData("/embed?module=educators&band=13_15")]
    [InlineData("/embed?module=crisis_immediate_danger&band=13_15")]
    [InlineData("/embed?module=online_safety&band=13_15&lang=de")]
    [InlineData("/embed?lang=klingon")]
    [InlineData("/embed?module=online_safety&module=worker_rights&band=13_15")]
    [InlineData("/embed?module=online_safety&band=13_15&lang=")]
    [InlineData("/embed?module=%3Cscript%3Ealert(1)%3C%2Fscript%3E&band=13_15")]
    [InlineData("/educators/qr.svg")]
    [InlineData("/educators/qr.svg?lang=fr")]
    [InlineData("/educators/qr.svg?module=online_safety&band=20_30")]
    public async Task A_bad_lesson_link_gets_a_clear_400_that_does_not_quote_it(string path)
    {
        await using var factory = Host();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\":\"BadArgument\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("klingon", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_value_is_a_400_too()
    {
        await using var factory = Host();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/embed?module=" + new string('a', 5000) + "&band=13_15", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_qr_code_is_an_svg_of_this_hosts_lesson_link()
    {
        await using var factory = Host();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/educators/qr.svg?module=worker_rights&band=19_plus&lang=tl", UriKind.Relative));
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("{\"channelData\":{\"lesson\":{\"module\":\"online safety\",\"band\":\"13-15\",\"locale\":\"fr\"}}}")]
    [InlineData("{\"channelData\":{\"lesson\":{\"module\":1,\"band\":\"13-15\",\"locale\":\"fr\"}}}")]
    [InlineData("{\"channelData\":{\"lesson\":{\"module\":\"online_safety\",\"name\":\"Alex\"}}}")]
    [InlineData("{\"channelData\":{\"lesson\":\"online_safety\"}}")]
    public async Task A_malformed_lesson_in_the_direct_line_start_is_a_400(string body)
    {
        await using var factory = Host();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Alex", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"user\":{\"id\":\"dl_123\"}}")]
    [InlineData("{\"channelData\":{\"lesson\":{\"module\":\"online_safety\",\"band\":\"13-15\",\"locale\":\"fr\"}}}")]
    public async Task Any_other_start_body_starts_a_conversation(string body)
    {
        await using var factory = Host();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_educators_page_lists_the_lessons_from_the_flows_and_the_guides()
    {
        await using var factory = Host(School);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/educators", UriKind.Relative));

        Assert.Contains("\"value\":\"online_safety\"", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"13_15\"", html, StringComparison.Ordinal);
        Assert.Contains("\"embedOrigins\":[\"https://school.example\"]", html, StringComparison.Ordinal);
        Assert.Contains("id=\"educator_guide_9_12-en\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"educator_guide_13_15-fr\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("educator_guide_9_12-en", StringComparison.Ordinal) < html.IndexOf("educator_guide_13_15-en", StringComparison.Ordinal));
        Assert.DoesNotContain("__", html.Replace("__proto__", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "Guía para docentes, 13 a 15 años", "**Si un estudiante le cuenta algo:**")]
    [InlineData("tl", "Gabay para sa guro, edad 13 hanggang 15", "**Kung may estudyanteng magsabi ng nangyari sa kanya:**")]
    public async Task The_educators_page_shows_every_guide_in_spanish_and_tagalog_as_draft_translations(string lang, string title, string disclosure)
    {
        await using var factory = Host(School);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri($"/educators?lang={lang}", UriKind.Relative));

        var start = html.IndexOf($"data-guides-locale=\"{lang}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no guides block for {lang}");
        var block = html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
        foreach (var id in new[] { "educator_guide_9_12", "educator_guide_13_15", "educator_guide_16_18", "educator_guide_worker_rights" })
        {
            Assert.Contains($"<article class=\"guide\" lang=\"{lang}\" id=\"{id}-{lang}\">", block, StringComparison.Ordinal);
        }

        Assert.Contains($"<h3>{System.Net.WebUtility.HtmlEncode(title)}</h3>", block, StringComparison.Ordinal);
        Assert.Contains($"<strong>{System.Net.WebUtility.HtmlEncode(disclosure.Trim('*'))}</strong>", block, StringComparison.Ordinal);
        // Translated, so no "not translated yet" note; each guide says it is a draft translation awaiting review.
        Assert.DoesNotContain("guideNotTranslated", block, StringComparison.Ordinal);
        Assert.Equal(4, block.Split("data-i18n=\"guideDraftTranslation\"").Length - 1);
        Assert.DoesNotContain("{service:", block, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Web_chat_is_sent_precompressed_to_browsers_that_accept_it(string encoding)
    {
        await using var factory = Host();
        using var client = factory.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/webchat.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);

        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.InRange(bytes.Length, 100_000, 1_000_000);
    }

    [Fact]
    public async Task A_browser_that_accepts_no_compression_gets_the_file_itself()
    {
        await using var factory = Host();
        using var client = factory.CreateDefaultClient();

        using var response = await client.GetAsync(new Uri("/lib/webchat.js", UriKind.Relative));

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(response.Content.Headers.ContentLength > 3_000_000);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
