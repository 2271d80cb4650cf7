using System.Data.Common;
using System.Net.WebSockets;
using System.Text;
using AwarenessBot.Storage.WebChannel;

namespace AwarenessBot.DirectLine;

/// <summary>
/// Sends one conversation over a WebSocket: the backlog after the watermark, then each new activity as
/// <c>{"activities":[...],"watermark":"N"}</c>, with empty keep-alive frames in between. New activities may come from
/// any instance: the store's change signal wakes the stream, which then reads the log from what it has sent. The
/// client never sends activities here (it posts them); whatever it sends is read and discarded until it closes.
/// </summary>
internal sealed class DirectLineStream(WebSocket socket, IWebChannelStore store, string conversationId, TimeSpan keepAlive, TimeProvider time)
{
    public async Task RunAsync(long watermark, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Subscribed before the backlog is read, so an activity appended in between is not missed.
        using var changes = store.Subscribe(conversationId);
        try
        {
            var sent = await SendNewAsync(watermark, stop.Token);
            var clientClosed = DiscardIncomingAsync(stop.Token);
            Task<bool>? change = null;
            Task? tick = null;
            while (true)
            {
                change ??= changes.WaitAsync(stop.Token);
                tick ??= Task.Delay(keepAlive, time, stop.Token);
                var done = await Task.WhenAny(change, tick, clientClosed);
                if (done == clientClosed || (done == change && !await change))
                {
                    break;
                }

                if (done == tick)
                {
                    tick = null;
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
                }
                else
                {
                    change = null;
                }

                // On a tick too: a change signal lost on the way (another instance's notification) costs at most one interval.
                sent = await SendNewAsync(sent, stop.Token);
            }

            await CloseAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away; it reconnects from its own watermark.
        }
        catch (DbException)
        {
            // The shared store is unreachable: close, and the client reconnects from its own watermark.
            await CloseAsync(cancellationToken, WebSocketCloseStatus.InternalServerError);
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>Sends what the log holds after <paramref name="sent"/> as one frame; returns the new watermark.</summary>
    private async Task<long> SendNewAsync(long sent, CancellationToken cancellationToken)
    {
        var fresh = await store.ReadAfterAsync(conversationId, sent, cancellationToken);
        if (fresh.Count == 0)
        {
            return sent;
        }

        var frame = Encoding.UTF8.GetBytes(DirectLineActivityJson.ActivitySet(fresh, fresh[^1].Sequence));
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

    private async Task CloseAsync(CancellationToken cancellationToken, WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, null, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }
    }
}
