using System.Net;
using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Limits;

/// <summary>
/// The real host in memory, where each request can say which network address it comes from (TestServer has none):
/// the <see cref="Header"/> becomes the connection's remote address before any of the host's middleware runs.
/// </summary>
public sealed class ClientAddressHostFactory : BotHostFactory
{
    public const string Header = "X-Test-Remote-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, RemoteAddressFilter>());
    }

    public static HttpRequestMessage From(string address, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(Header, address);
        return request;
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                    context.Request.Headers.Remove(Header);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
