using System.Net.WebSockets;
using System.Text;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Sends one conversation over a WebSocket: the backlog after the watermark, then each new activity as
/// <c>{"activities":[...],"watermark":"N"}</c>, with empty keep-alive frames in between. The client never sends
/// activities here (it posts them); whatever it sends is read and discarded until it closes.
/// </summary>
internal sealed class DirectLineStream(WebSocket socket, DirectLineConversation conversation, TimeSpan keepAlive, TimeProvider time)
{
    public async Task RunAsync(long watermark, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var (backlog, updates) = conversation.Subscribe(watermark);
        try
        {
            var sent = await SendAsync(backlog, watermark, stop.Token);
            var clientClosed = DiscardIncomingAsync(stop.Token);
            Task<bool>? update = null;
            Task? tick = null;
            while (true)
            {
                update ??= updates.WaitToReadAsync(stop.Token).AsTask();
                tick ??= Task.Delay(keepAlive, time, stop.Token);
                var done = await Task.WhenAny(update, tick, clientClosed);
                if (done == clientClosed || (done == update && !await update))
                {
                    break;
                }

                if (done == tick)
                {
                    tick = null;
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
                    continue;
                }

                update = null;
                var fresh = new List<StoredActivity>();
                while (updates.TryRead(out var activity))
                {
                    fresh.Add(activity);
                }

                sent = await SendAsync(fresh, sent, stop.Token);
            }

            await CloseAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away; it reconnects from its own watermark.
        }
        finally
        {
            await stop.CancelAsync();
            conversation.Unsubscribe(updates);
        }
    }

    /// <summary>Sends what is newer than <paramref name="sent"/> as one frame; returns the new watermark.</summary>
    private async Task<long> SendAsync(IReadOnlyList<StoredActivity> activities, long sent, CancellationToken cancellationToken)
    {
        var fresh = activities.Where(a => a.Sequence > sent).ToList();
        if (fresh.Count == 0)
        {
            return sent;
        }

        var frame = Encoding.UTF8.GetBytes(DirectLineJson.ActivitySet(fresh, fresh[^1].Sequence));
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        return fresh[^1].Sequence;
    }

    private async Task DiscardIncomingAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        }
    }
}
