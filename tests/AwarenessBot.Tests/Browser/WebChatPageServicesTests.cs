using System.Text.Json;
using System.Text.RegularExpressions;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Tests.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Browser;

/// <summary>The chat page's "services" data block: the directory's names and contacts, safe inside a script element.</summary>
public sealed partial class WebChatPageServicesTests
{
    [Fact]
    public async Task The_page_carries_the_directory_entries_in_english_and_french()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        using var client = host.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        using var json = JsonDocument.Parse(DataBlock().Match(html).Groups[1].Value);
        var en = json.RootElement.GetProperty("en");
        var fr = json.RootElement.GetProperty("fr");
        Assert.Equal("911", en.GetProperty("ca_911").GetProperty("phone").GetString());
        Assert.Equal("1-833-900-1010", en.GetProperty("ca_human_trafficking_hotline").GetProperty("phone").GetString());
        Assert.Equal("Canadian Human Trafficking Hotline", en.GetProperty("ca_human_trafficking_hotline").GetProperty("name").GetString());
        Assert.Equal("Ligne d’urgence canadienne contre la traite des personnes", fr.GetProperty("ca_human_trafficking_hotline").GetProperty("name").GetString());
        Assert.Equal("Cyberaide.ca", fr.GetProperty("ca_cybertip").GetProperty("name").GetString());
        Assert.Equal("988", en.GetProperty("ca_988").GetProperty("text").GetString());
        Assert.StartsWith("https://", en.GetProperty("ca_needhelpnow").GetProperty("web").GetString(), StringComparison.Ordinal);
        Assert.Equal(7, en.EnumerateObject().Count());
        Assert.Equal(7, fr.EnumerateObject().Count());
    }

    [Fact]
    public async Task Missing_services_are_left_out_and_markup_in_a_name_cannot_end_the_data_block()
    {
        var directory = new PartialServiceDirectory(
            PartialServiceDirectory.Service("ca_911", "911", phone: "911"),
            PartialServiceDirectory.Service("ca_cybertip", "</script><script>alert(1)</script>", web: "javascript:alert(1)"));
        await using var host = await DirectLineTestHost.StartAsync(configureServices: s => s.AddSingleton<IServiceDirectory>(directory));
        using var client = host.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ScriptElements().Count(html), ScriptEnds().Count(html));
        using var json = JsonDocument.Parse(DataBlock().Match(html).Groups[1].Value);
        var en = json.RootElement.GetProperty("en");
        Assert.Equal(["ca_911", "ca_cybertip"], en.EnumerateObject().Select(p => p.Name));
        Assert.Equal("</script><script>alert(1)</script>", en.GetProperty("ca_cybertip").GetProperty("name").GetString());
        Assert.False(en.GetProperty("ca_cybertip").TryGetProperty("web", out _), "only https addresses may become links");
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"services\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    [GeneratedRegex("<script[ >]", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElements();

    [GeneratedRegex("</script>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptEnds();
}
