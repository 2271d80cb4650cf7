using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Tests.Support;

/// <summary>
/// A Bot Connector service on loopback: receives what the bot posts to {serviceUrl}v3/conversations/{id}/activities,
/// as Azure Bot Service would, so tests can check the reply path that real channels use.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, JsonObject Activity)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyCollection<(string Path, JsonObject Activity)> Received => _received;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", async (HttpContext http) =>
        {
            var activity = await http.Request.ReadFromJsonAsync<JsonObject>();
            connector._received.Enqueue((http.Request.Path.Value!, activity!));
            connector._arrived.Release();
            return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Waits until at least <paramref name="count"/> activities arrived, or the timeout passes.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (_received.Count < count)
            {
                await _arrived.WaitAsync(cancellation.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
