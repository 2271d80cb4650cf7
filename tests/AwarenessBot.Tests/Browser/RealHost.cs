using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Browser;

/// <summary>The real host (Program: its adapter, dialog engine and bot) with Kestrel on a loopback port.</summary>
internal static class RealHost
{
    public static (BotHostFactory Factory, Uri Address) Start(Dictionary<string, string?>? settings = null)
    {
        var factory = new BotHostFactory();
        foreach (var (key, value) in settings ?? [])
        {
            factory.WithSetting(key, value);
        }

        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)))
            .First();
        return (factory, address);
    }
}
