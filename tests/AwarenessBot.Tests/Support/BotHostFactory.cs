using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace AwarenessBot.Tests.Support;

/// <summary>
/// The real host in memory, with in-memory state so tests don't share a database file. Settings can be overridden
/// per test class (e.g. a Microsoft app id to test authentication).
/// </summary>
public class BotHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:Provider"] = "Memory",
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
        ["Analytics:Enabled"] = "false",
        ["Content:HotReload"] = "false",
    };

    public BotHostFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }
}
