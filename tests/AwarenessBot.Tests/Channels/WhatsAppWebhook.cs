using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AwarenessBot.Tests.Channels;

/// <summary>
/// Cloud API webhook events as Meta sends them (https://developers.facebook.com/docs/whatsapp/guides/interactive-messages/),
/// signed independently of the bot: X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256(app secret, raw body).
/// </summary>
internal static class WhatsAppWebhook
{
    public static JsonObject Text(string waId, string body, DateTimeOffset? sentAt = null) =>
        Event(waId, Message(waId, "text", sentAt, ("text", new JsonObject { ["body"] = body })));

    public static JsonObject Audio(string waId) =>
        Event(waId, Message(waId, "audio", null, ("audio", new JsonObject { ["id"] = "1234567890", ["mime_type"] = "audio/ogg; codecs=opus" })));

    public static JsonObject ButtonReply(string waId, string id, string title) =>
        Event(waId, Message(waId, "interactive", null, ("interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = id, ["title"] = title },
        })));

    public static JsonObject ListReply(string waId, string id, string title) =>
        Event(waId, Message(waId, "interactive", null, ("interactive", new JsonObject
        {
            ["type"] = "list_reply",
            ["list_reply"] = new JsonObject { ["id"] = id, ["title"] = title, ["description"] = "" },
        })));

    public static JsonObject Status(string waId) => Event(waId, null, new JsonObject
    {
        ["id"] = "wamid." + Guid.NewGuid().ToString("N"),
        ["status"] = "delivered",
        ["timestamp"] = Now(),
        ["recipient_id"] = waId,
    });

    public static HttpRequestMessage Signed(JsonObject payload, string secret = ChannelTestHost.AppSecret)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        return Request(body, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
    }

    public static HttpRequestMessage Request(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return request;
    }

    private static JsonObject Message(string waId, string type, DateTimeOffset? sentAt, (string Name, JsonObject Value) content) => new()
    {
        ["from"] = waId,
        ["id"] = "wamid." + Guid.NewGuid().ToString("N"),
        ["timestamp"] = sentAt is { } at ? at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : Now(),
        ["type"] = type,
        [content.Name] = content.Value,
    };

    private static JsonObject Event(string waId, JsonObject? message, JsonObject? status = null)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15145550100", ["phone_number_id"] = ChannelTestHost.PhoneNumberId },
        };
        if (message is not null)
        {
            value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Quillfeather" }, ["wa_id"] = waId });
            value["messages"] = new JsonArray(message);
        }

        if (status is not null)
        {
            value["statuses"] = new JsonArray(status);
        }

        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
            }),
        };
    }

    private static string Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
