using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AwarenessBot.Tests.Support;

/// <summary>Builds Bot Connector activities as JSON, the way a channel sends them.</summary>
internal static class ActivityJson
{
    public static JsonObject Message(string text, string conversationId, string channelId = "emulator", bool expectReplies = true, string serviceUrl = "http://127.0.0.1:1/", string? locale = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["text"] = text,
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "user-" + conversationId, ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot", ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
        };
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        if (locale is not null)
        {
            activity["locale"] = locale;
        }

        return activity;
    }

    public static JsonObject ConversationUpdate(string conversationId, string channelId = "emulator", bool expectReplies = true)
    {
        var activity = Message("", conversationId, channelId, expectReplies);
        activity["type"] = "conversationUpdate";
        activity.Remove("text");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-" + conversationId });
        return activity;
    }

    /// <summary>POSTs with expectReplies and returns the replies from the response body.</summary>
    public static async Task<JsonArray> ExchangeAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body?["activities"]?.AsArray() ?? [];
    }
}
