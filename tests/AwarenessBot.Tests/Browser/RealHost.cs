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

        // Listen options, not UseKestrel(port): with a port the factory rewrites the server's addresses after the app
        // has started Kestrel on its own thread, and loses that race now and then (dotnet/aspnetcore#67714).
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)))
            .First();
        return (factory, address);
    }
}
