using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AwarenessBot.Tests.DirectLine;

public sealed class DirectLineStreamTests
{
    [Fact]
    public async Task The_stream_sends_the_backlog_on_connect_then_each_new_activity()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();
        await client.WaitForAsync(conversation, a => (string?)a["text"] == ScriptedTurnRunner.Greeting);

        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(conversation.StreamUrl), CancellationToken.None);
        var backlog = await ReceiveFrameAsync(socket);
        Assert.Equal(ScriptedTurnRunner.Greeting, (string?)backlog["activities"]![0]!["text"]);
        Assert.Equal("1", (string?)backlog["watermark"]);

        var id = await client.PostAsync(conversation, DirectLineTestClient.Message("hello"));
        var received = new List<JsonObject>();
        while (!received.Any(a => (string?)a["replyToId"] == id))
        {
            var frame = await ReceiveFrameAsync(socket);
            received.AddRange(frame["activities"]!.AsArray().OfType<JsonObject>());
        }

        Assert.Equal(id, (string?)received[0]["id"]);
        Assert.Equal("bot", (string?)received[^1]["from"]!["role"]);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Reconnecting_from_a_watermark_sends_only_what_came_after_it()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();
        var id = await client.PostAsync(conversation, DirectLineTestClient.Message("hello"));
        await client.WaitForAsync(conversation, a => (string?)a["replyToId"] == id);

        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}?watermark=2", conversation.Token);
        var streamUrl = (string)JsonNode.Parse(await reconnect.Content.ReadAsStringAsync())!["streamUrl"]!;
        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var frame = await ReceiveFrameAsync(socket);

        Assert.EndsWith("&watermark=2", streamUrl, StringComparison.Ordinal);
        Assert.Single(frame["activities"]!.AsArray());
        Assert.Equal("3", (string?)frame["watermark"]);
    }

    [Fact]
    public async Task The_stream_refuses_a_token_for_another_conversation()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = new DirectLineTestClient(host.CreateClient());
        var mine = await client.StartAsync();
        var theirs = await client.StartAsync();
        var url = theirs.StreamUrl[..theirs.StreamUrl.IndexOf("?t=", StringComparison.Ordinal)] + "?t=" + Uri.EscapeDataString(mine.Token);

        await Assert.ThrowsAnyAsync<Exception>(() => host.Server.CreateWebSocketClient().ConnectAsync(new Uri(url), CancellationToken.None));
    }

    [Fact]
    public async Task An_idle_stream_sends_empty_keep_alive_frames()
    {
        await using var host = await DirectLineTestHost.StartAsync(settings: new() { ["DirectLine:KeepAliveInterval"] = "00:00:01" });
        var client = new DirectLineTestClient(host.CreateClient());
        var conversation = await client.StartAsync();
        await client.WaitForAsync(conversation, DirectLineTestClient.IsBot);
        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(conversation.StreamUrl), CancellationToken.None);
        await ReceiveFrameAsync(socket);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(new ArraySegment<byte>(new byte[16]), timeout.Token);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        Assert.Equal(0, result.Count);
        Assert.True(result.EndOfMessage);
    }

    internal static async Task<JsonObject> ReceiveFrameAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var total = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(total).ToArraySegment(), timeout.Token);
                total += result.Count;
            }
            while (!result.EndOfMessage);

            // Empty frames are keep-alives.
            if (total > 0)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, total))!.AsObject();
            }
        }
    }
}

internal static class MemoryExtensions
{
    public static ArraySegment<byte> ToArraySegment(this Memory<byte> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(memory, out var segment) ? segment : throw new InvalidOperationException();
}
