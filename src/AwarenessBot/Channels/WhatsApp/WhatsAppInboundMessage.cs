using System.Globalization;
using System.Text.Json;

namespace AwarenessBot.Channels.WhatsApp;

/// <summary>One person's message from a webhook event; WaId is the sender's number, kept in memory only to reply.</summary>
/// <param name="Text">Typed text, or the id of the button or list row they chose (the choice's value); null otherwise.</param>
/// <param name="Kind">text | button_reply | list_reply | button | unsupported (a fixed set: safe to log).</param>
internal sealed record WhatsAppInboundMessage(string MessageId, string WaId, string PhoneNumberId, string? Text, string Kind, DateTimeOffset? Timestamp);

/// <summary>
/// Reads the Cloud API's webhook event (the shape checked in PROTOCOLS.md §9; replies to interactive messages as in
/// https://developers.facebook.com/docs/whatsapp/guides/interactive-messages/):
/// <c>{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id"},
/// "messages":[…],"statuses":[…]}}]}]}</c>. Statuses (sent, delivered, read, failed) are ignored. Leniently: unknown
/// fields are skipped, and a message without an id or sender is dropped.
/// </summary>
internal static class WhatsAppWebhookPayload
{
    public const string ObjectName = "whatsapp_business_account";

    /// <summary>Null when the body is not a WhatsApp Business Account event at all.</summary>
    public static IReadOnlyList<WhatsAppInboundMessage>? Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Str(root, "object") != ObjectName || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var messages = new List<WhatsAppInboundMessage>();
        foreach (var entry in entries.EnumerateArray())
        {
            foreach (var change in Array(entry, "changes"))
            {
                if (Str(change, "field") != "messages" || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var phoneNumberId = value.TryGetProperty("metadata", out var metadata) ? Str(metadata, "phone_number_id") : null;
                foreach (var message in Array(value, "messages"))
                {
                    if (Read(message, phoneNumberId ?? "") is { } inbound)
                    {
                        messages.Add(inbound);
                    }
                }
            }
        }

        return messages;
    }

    private static WhatsAppInboundMessage? Read(JsonElement message, string phoneNumberId)
    {
        var id = Str(message, "id");
        var from = Str(message, "from");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(from))
        {
            return null;
        }

        var timestamp = long.TryParse(Str(message, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))
            : (DateTimeOffset?)null;
        var (text, kind) = Str(message, "type") switch
        {
            "text" => (message.TryGetProperty("text", out var t) ? Str(t, "body") : null, "text"),
            "interactive" => Interactive(message),
            // A quick-reply button of a template message.
            "button" => (message.TryGetProperty("button", out var b) ? Str(b, "payload") ?? Str(b, "text") : null, "button"),
            _ => (null, "unsupported"),
        };
        return new WhatsAppInboundMessage(id, from, phoneNumberId, text, kind, timestamp);
    }

    private static (string? Text, string Kind) Interactive(JsonElement message)
    {
        if (!message.TryGetProperty("interactive", out var interactive))
        {
            return (null, "unsupported");
        }

        return Str(interactive, "type") switch
        {
            "button_reply" when interactive.TryGetProperty("button_reply", out var reply) => (Str(reply, "id") ?? Str(reply, "title"), "button_reply"),
            "list_reply" when interactive.TryGetProperty("list_reply", out var reply) => (Str(reply, "id") ?? Str(reply, "title"), "list_reply"),
            _ => (null, "unsupported"),
        };
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}
