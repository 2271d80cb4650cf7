using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using LoadGenerator.Load;
using LoadGenerator.Script;

namespace LoadGenerator.DirectLine;

/// <summary>
/// One person on the web page: starts a Direct Line conversation, opens the WebSocket stream, then posts the script's
/// messages with a think time between them, timing each post until the bot's reply arrives on the stream.
/// </summary>
internal sealed class DirectLineUser(HttpClient http, int index, TimeSpan thinkTime, TimeSpan replyTimeout)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task PlayConversationAsync(LatencyRecorder recorder, int generation, CancellationToken cancellationToken)
    {
        var language = (index + generation) % 3 == 2 ? "fr" : "en";
        var started = Stopwatch.GetTimestamp();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = new StringContent("{}", null, "application/json") };
        using var startResponse = await http.SendAsync(start, cancellationToken);
        if (!startResponse.IsSuccessStatusCode)
        {
            recorder.Record(new TurnOutcome(TurnStatus.HttpError, 0, 0));
            await Task.Delay(thinkTime, cancellationToken);
            return;
        }

        using var conversation = JsonDocument.Parse(await startResponse.Content.ReadAsStringAsync(cancellationToken));
        var id = conversation.RootElement.GetProperty("conversationId").GetString()!;
        var token = conversation.RootElement.GetProperty("token").GetString()!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(conversation.RootElement.GetProperty("streamUrl").GetString()!), cancellationToken);
        await using var stream = new StreamListener(socket);
        stream.Start();

        var greeting = await stream.WaitForReplyAsync(null, started, replyTimeout, cancellationToken);
        recorder.Record(greeting is null ? new TurnOutcome(TurnStatus.Failed, 0, 0) : new TurnOutcome(TurnStatus.Ok, greeting.ArrivedAt - started, 0));
        for (var step = 1; step < ConversationScript.Steps.Count; step++)
        {
            await Task.Delay(thinkTime, cancellationToken);
            var text = ChoicePicker.TextFor(ConversationScript.Steps[step], language, stream.LastOffered());
            recorder.Record(await PostAsync(stream, id, token, text, language, step, cancellationToken));
        }
    }

    private async Task<TurnOutcome> PostAsync(StreamListener stream, string conversationId, string token, string text, string language, int step, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = language == "fr" ? "fr-CA" : "en-CA",
            ["textFormat"] = "plain",
            ["from"] = new Dictionary<string, string> { ["id"] = "dl-user", ["role"] = "user" },
            ["channelData"] = new Dictionary<string, string> { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities")
        {
            Content = new StringContent(body, Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var posted = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new TurnOutcome(TurnStatus.HttpError, 0, step);
        }

        using var resource = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var activityId = resource.RootElement.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
        var reply = await stream.WaitForReplyAsync(activityId, posted, replyTimeout, cancellationToken);
        return reply is null
            ? new TurnOutcome(TurnStatus.Failed, 0, step)
            : new TurnOutcome(TurnStatus.Ok, reply.ArrivedAt - posted, step);
    }
}
