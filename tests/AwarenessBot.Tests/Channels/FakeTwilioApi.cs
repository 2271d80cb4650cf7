using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwarenessBot.Tests.Channels;

/// <summary>
/// Twilio's Messages API on loopback: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded To, From,
/// Body, basic auth (https://twilio.com/docs/sms/api/message-resource); 201 with
/// the new message, or a scripted error ({code, message, more_info, status}) first.
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string Authorization, Dictionary<string, string> Form)> _received = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private int _attempts;

    private FakeTwilioApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<(string Path, string Authorization, Dictionary<string, string> Form)> Received => [.. _received];

    public int Attempts => Volatile.Read(ref _attempts);

    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    public static async Task<FakeTwilioApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilioApi(app);
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", async (HttpContext http) =>
        {
            Interlocked.Increment(ref fake._attempts);
            var form = await http.Request.ReadFormAsync();
            if (fake._failures.TryDequeue(out var status))
            {
                return Results.Json(new { code = 20500, message = "Internal Server Error", more_info = "https://www.twilio.com/docs/errors/20500", status }, statusCode: status);
            }

            fake._received.Enqueue((http.Request.Path.Value!, http.Request.Headers.Authorization.ToString(), form.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal)));
            return Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued", body = form["Body"].ToString() }, statusCode: 201);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public async Task<int> SettledCountAsync(TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (_received.IsEmpty && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100);
        }

        var count = -1;
        while (count != _received.Count)
        {
            count = _received.Count;
            await Task.Delay(300);
        }

        return count;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
