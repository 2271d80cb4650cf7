using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Tests.Channels;

/// <summary>
/// The Cloud API's send endpoint on loopback (POST /{version}/{phone-number-id}/messages, bearer token), answering as
/// documented (https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages): 200
/// {"messaging_product","contacts":[{"input","wa_id"}],"messages":[{"id"}]}, or a scripted error first.
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphSend> _received = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _attempts;

    private FakeGraphApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Messages accepted (2xx), in order.</summary>
    public IReadOnlyList<GraphSend> Received => [.. _received];

    /// <summary>Every request, failed ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The next requests get these statuses (with a Graph error body), one each, before any success.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGraphApi(app);
        app.MapPost("/{version}/{phoneNumberId}/messages", async (HttpContext http, string version, string phoneNumberId) =>
        {
            Interlocked.Increment(ref fake._attempts);
            var body = await http.Request.ReadFromJsonAsync<JsonObject>();
            if (fake._failures.TryDequeue(out var status))
            {
                return Results.Json(new { error = new { message = "(#131000) Something went wrong", type = "OAuthException", code = 131000, fbtrace_id = "Atest" } }, statusCode: status);
            }

            fake._received.Enqueue(new GraphSend(version, phoneNumberId, http.Request.Headers.Authorization.ToString(), body!));
            fake._arrived.Release();
            var to = (string?)body?["to"];
            return Results.Json(new
            {
                messaging_product = "whatsapp",
                contacts = new[] { new { input = to, wa_id = to } },
                messages = new[] { new { id = "wamid." + Guid.NewGuid().ToString("N") } },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/v23.0/");
        return fake;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages were accepted, or the timeout passes.</summary>
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

    /// <summary>Waits until the sends stop arriving for a moment: the whole turn has been delivered.</summary>
    public async Task<IReadOnlyList<GraphSend>> TurnAsync(int after, TimeSpan timeout)
    {
        Assert.True(await WaitForAsync(after + 1, timeout), $"no Graph API send after {after}");
        var count = -1;
        while (count != _received.Count)
        {
            count = _received.Count;
            await Task.Delay(300);
        }

        return [.. Received.Skip(after)];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}

public sealed record GraphSend(string Version, string PhoneNumberId, string Authorization, JsonObject Body)
{
    public string Type => (string?)Body["type"] ?? "";

    public string? InteractiveType => (string?)Body["interactive"]?["type"];

    /// <summary>What the person reads first: the text body or the interactive body.</summary>
    public string Text => (string?)Body["text"]?["body"] ?? (string?)Body["interactive"]?["body"]?["text"] ?? "";
}
