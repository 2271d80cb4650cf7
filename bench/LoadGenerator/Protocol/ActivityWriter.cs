using System.Buffers;
using System.Text.Json;

namespace LoadGenerator.Protocol;

/// <summary>
/// Writes the activities a channel would post, with <c>deliveryMode: "expectReplies"</c> so the replies come back in
/// the response body. Utf8JsonWriter keeps the generator's own cost per turn small (it shares the CPUs with the host).
/// </summary>
internal static class ActivityWriter
{
    public const string BotId = "bench-bot";

    public static byte[] ConversationUpdate(ConversationAddress address, string activityId) => Write(address, activityId, writer =>
    {
        writer.WriteString("type", "conversationUpdate");
        writer.WriteStartArray("membersAdded");
        WriteAccount(writer, address.UserId, null);
        WriteAccount(writer, BotId, null);
        writer.WriteEndArray();
    });

    public static byte[] Message(ConversationAddress address, string activityId, string text) => Write(address, activityId, writer =>
    {
        writer.WriteString("type", "message");
        writer.WriteString("text", text);
        writer.WriteString("textFormat", "plain");
    });

    private static byte[] Write(ConversationAddress address, string activityId, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteString("id", activityId);
            writer.WriteString("timestamp", TimeProvider.System.GetUtcNow());
            writer.WriteString("channelId", address.ChannelId);
            writer.WriteString("serviceUrl", "http://127.0.0.1:9/");
            writer.WriteString("locale", address.Locale);
            writer.WriteString("deliveryMode", "expectReplies");
            writer.WritePropertyName("from");
            WriteAccount(writer, address.UserId, "user");
            writer.WritePropertyName("recipient");
            WriteAccount(writer, BotId, "bot");
            writer.WriteStartObject("conversation");
            writer.WriteString("id", address.ConversationId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAccount(Utf8JsonWriter writer, string id, string? role)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        if (role is not null)
        {
            writer.WriteString("role", role);
        }

        writer.WriteEndObject();
    }
}

/// <summary>Who and where: one conversation of one (anonymous, generated) user.</summary>
internal sealed record ConversationAddress(string ChannelId, string ConversationId, string UserId, string Locale)
{
    /// <summary>en or fr: which of the script's texts this person types.</summary>
    public string Language => Locale[..2];
}
