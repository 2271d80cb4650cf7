using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using LoadGenerator.Protocol;

namespace LoadGenerator.DirectLine;

/// <summary>A bot activity as it arrived on the stream: when, in reply to what, and what it offered.</summary>
internal sealed record ArrivedActivity(long ArrivedAt, string? ReplyToId, IReadOnlyList<OfferedAction> Actions);

/// <summary>
/// Reads a Direct Line WebSocket (<c>{"activities":[...],"watermark":"N"}</c> frames, empty keep-alives) and keeps
/// the bot's activities with their arrival time, so a poster can wait for the reply to the activity it posted.
/// </summary>
internal sealed class StreamListener(ClientWebSocket socket) : IAsyncDisposable
{
    private readonly List<ArrivedActivity> _arrived = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;

    public void Start() => _loop = Task.Run(() => ReceiveAsync(_stop.Token));

    /// <summary>The first bot activity replying to <paramref name="activityId"/> (or, without replyToId, arriving after <paramref name="since"/>).</summary>
    public async Task<ArrivedActivity?> WaitForReplyAsync(string? activityId, long since, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task signal;
            lock (_lock)
            {
                var found = _arrived.FirstOrDefault(a => (activityId is not null && a.ReplyToId == activityId) || (a.ReplyToId is null && a.ArrivedAt >= since));
                if (found is not null)
                {
                    return found;
                }

                signal = _signal.Task;
            }

            var left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                return null;
            }

            await Task.WhenAny(signal, Task.Delay(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency), cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The suggested actions of the bot's last message (what the person could tap now).</summary>
    public IReadOnlyList<OfferedAction> LastOffered()
    {
        lock (_lock)
        {
            return _arrived.Count == 0 ? [] : _arrived[^1].Actions;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            // The server may already have gone; nothing to clean up.
        }

        if (_loop is not null)
        {
            await Task.WhenAny(_loop, Task.Delay(2000, CancellationToken.None));
        }

        _stop.Dispose();
        socket.Dispose();
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var arrivedAt = Stopwatch.GetTimestamp();
                if (frame.Length > 0)
                {
                    Accept(frame.ToArray(), arrivedAt);
                }

                frame.SetLength(0);
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            // Closed by either side: the waiting poster times out and counts an error.
        }
    }

    private void Accept(byte[] json, long arrivedAt)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var fresh = activities.EnumerateArray()
            .Where(a => ReplySummary.IsFromBot(a) && a.TryGetProperty("type", out var t) && t.GetString() == "message")
            .Select(a => new ArrivedActivity(
                arrivedAt,
                a.TryGetProperty("replyToId", out var r) ? r.GetString() : null,
                ReplySummary.FromActivities([a], botOnly: false).Actions))
            .ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            _arrived.AddRange(fresh);
            _signal.TrySetResult();
            _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
