using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>Speaks Direct Line 3.0 the way Web Chat does, for contract tests.</summary>
internal sealed class DirectLineTestClient(HttpClient http)
{
    public const string Base = "/v3/directline";

    public HttpClient Http { get; } = http;

    public static JsonObject Message(string text, string clientActivityId = "client-1") => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["locale"] = "en-US",
        ["from"] = new JsonObject { ["id"] = "someone-else", ["role"] = "user" },
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
    };

    public async Task<Conversation> StartAsync()
    {
        using var response = await Http.PostAsync(Base + "/conversations", JsonContent.Create(new JsonObject()));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new Conversation((string)body["conversationId"]!, (string)body["token"]!, (string)body["streamUrl"]!, (int)body["expires_in"]!);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, Base + path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request);
    }

    public async Task<string> PostAsync(Conversation conversation, JsonObject activity)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/conversations/{conversation.Id}/activities", conversation.Token, activity.ToJsonString());
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public async Task<(JsonArray Activities, string Watermark)> GetAsync(Conversation conversation, string watermark = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}/activities?watermark={watermark}", conversation.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["activities"]!.AsArray(), (string)body["watermark"]!);
    }

    /// <summary>Polls (as Web Chat does) until the conversation holds an activity matching <paramref name="match"/>.</summary>
    public async Task<JsonObject> WaitForAsync(Conversation conversation, Func<JsonObject, bool> match)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var (activities, _) = await GetAsync(conversation);
            if (activities.OfType<JsonObject>().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The expected activity never arrived.");
    }

    public static bool IsBot(JsonObject activity) => (string?)activity["from"]?["role"] == "bot";

    internal sealed record Conversation(string Id, string Token, string StreamUrl, int ExpiresIn);
}
