using System.Diagnostics;
using System.Net.Http.Headers;
using LoadGenerator.Protocol;
using LoadGenerator.Script;

namespace LoadGenerator.Load;

internal enum TurnStatus { Ok, HttpError, EmptyReply, Failed }

/// <param name="ResponseBytes">The response body's length: what the generator had to read and parse.</param>
internal readonly record struct TurnOutcome(TurnStatus Status, long ElapsedTicks, int StepIndex, int ResponseBytes = 0);

/// <summary>Plays one step of a slot's script against <c>POST /api/messages</c> and times it (send to last byte read).</summary>
internal sealed class TurnClient(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly Uri Messages = new("/api/messages", UriKind.Relative);

    public async Task<TurnOutcome> PlayAsync(ConversationSlot slot, CancellationToken cancellationToken)
    {
        var step = slot.Step;
        var stepIndex = slot.StepIndex;
        var body = step.Kind == StepKind.Join
            ? ActivityWriter.ConversationUpdate(slot.Address, slot.NextActivityId())
            : ActivityWriter.Message(slot.Address, slot.NextActivityId(), ChoicePicker.TextFor(step, slot.Address.Language, slot.Offered));

        var started = Stopwatch.GetTimestamp();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync(Messages, content, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = Stopwatch.GetTimestamp() - started;

        slot.Advance();
        if (!response.IsSuccessStatusCode)
        {
            slot.Offered = [];
            return new TurnOutcome(TurnStatus.HttpError, elapsed, stepIndex, bytes.Length);
        }

        var replies = ReplySummary.FromExpectReplies(bytes);
        slot.Offered = replies.Actions;
        return new TurnOutcome(replies.Count == 0 ? TurnStatus.EmptyReply : TurnStatus.Ok, elapsed, stepIndex, bytes.Length);
    }

    public static HttpClient CreateHttpClient(Uri baseUri) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    {
        BaseAddress = baseUri,
        Timeout = TimeSpan.FromSeconds(30),
    };
}
