using System.Net;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.DirectLine;
using AwarenessBot.Engine.Loading;
using AwarenessBot.Limits;
using AwarenessBot.Turns;
using AwarenessBot.WebPage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>
/// The channel and the page around <see cref="ScriptedTurnRunner"/>, wired exactly as the host wires them (see the
/// extension methods), in memory (TestServer) or on a real loopback port (Kestrel, for the browser).
/// </summary>
internal sealed class DirectLineTestHost : IAsyncDisposable
{
    private DirectLineTestHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public TestServer Server => (TestServer)App.Services.GetRequiredService<IServer>();

    public Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <param name="configureServices">Runs last: a test can replace a registration (e.g. the service directory).</param>
    public static async Task<DirectLineTestHost> StartAsync(
        bool kestrel = false, Dictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = RepositoryFolders.HostProject,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        if (kestrel)
        {
            builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton<ITurnRunner, ScriptedTurnRunner>();
        builder.Services.AddDirectLineChannel(builder.Configuration);
        builder.Services.AddAbuseLimits(builder.Configuration);
        builder.Services.AddWebChatPage(builder.Configuration);

        // The page names services from the real directory (seeds/services/), as in the host.
        var seeds = Path.Combine(RepositoryFolders.HostProject, "..", "..", "seeds");
        builder.Services.AddContentRepository(seeds);
        // The page's languages and lesson choices come from the flows (ILessonCatalog), as in the host.
        builder.Services.AddSingleton(EngineFactory.LoadLessons(Path.Combine(RepositoryFolders.HostProject, "..", "..", "dialogs"), seeds));
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseAbuseLimits();
        app.UseWebSockets();
        app.UseStaticFiles();
        app.MapDirectLineChannel();
        app.MapWebChatPage();
        await app.StartAsync();
        return new DirectLineTestHost(app);
    }

    public HttpClient CreateClient() => App.Services.GetRequiredService<IServer>() is TestServer server
        ? server.CreateClient()
        : new HttpClient { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
