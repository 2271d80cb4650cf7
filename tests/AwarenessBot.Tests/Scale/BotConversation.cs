using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Scale;

/// <summary>
/// One conversation over POST /api/messages with deliveryMode expectReplies. The client can change between turns,
/// which is how a test moves the same conversation from one bot instance to another.
/// </summary>
internal sealed class BotConversation(string? conversationId = null, string channelId = "emulator")
{
    public string Id { get; } = conversationId ?? "conv-" + Guid.NewGuid().ToString("N");

    public string ChannelId { get; } = channelId;

    public Task<BotTurn> StartAsync(HttpClient client) => PostAsync(client, ActivityJson.ConversationUpdate(Id, ChannelId));

    public Task<BotTurn> SayAsync(HttpClient client, string text, string? locale = null) =>
        PostAsync(client, ActivityJson.Message(text, Id, ChannelId, locale: locale));

    /// <summary>Posts and returns the turn; a non-2xx status is a failed assertion, never an exception swallowed.</summary>
    public static async Task<BotTurn> PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /api/messages answered {(int)response.StatusCode}: {body}");
        var activities = JsonNode.Parse(body)?["activities"]?.AsArray() ?? [];
        return new BotTurn([.. activities.OfType<JsonObject>()]);
    }
}

/// <summary>The replies of one turn, read the way tests name them: by response key, never by text.</summary>
internal sealed record BotTurn(IReadOnlyList<JsonObject> Activities)
{
    /// <summary>Response keys in order; the parts of one long message split by the renderer count once.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            var keys = new List<string>();
            foreach (var activity in Activities)
            {
                var key = (string?)activity["channelData"]?["responseKey"] ?? "(no responseKey)";
                if (keys.Count == 0 || keys[^1] != key)
                {
                    keys.Add(key);
                }
            }

            return keys;
        }
    }

    public string? FirstText => Activities.Count > 0 ? (string?)Activities[0]["text"] : null;

    public string Describe() => string.Join(", ", Keys);
}
