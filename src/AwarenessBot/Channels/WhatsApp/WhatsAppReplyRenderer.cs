using System.Globalization;
using System.Text.Json.Nodes;
using AwarenessBot.Catalog;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Rendering;
using AwarenessBot.Turns;

namespace AwarenessBot.Channels.WhatsApp;

/// <summary>
/// Turns a turn's replies into Cloud API messages, one outgoing message per Cloud API message with the body (without its
/// recipient) in <c>channelData.whatsapp</c>, which <see cref="WhatsAppInbox"/> sends
/// (https://developers.facebook.com/docs/whatsapp/guides/interactive-messages/ — lists of up to 10 options, reply
/// buttons up to 3; https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
/// — the request shape; the limits below as checked in PROTOCOLS.md §9: button title 20, id 256, row title 24,
/// description 72, body 1,024, text 4,096).
/// Plain text (WhatsApp shows no Markdown links), a service's numbers and pages written out; reply buttons for up to
/// 3 choices whose short labels fit a button, a list for up to 10 (the short label as the row title, the full label
/// in the row's description when it differs), a numbered list in the text beyond. The choice's id comes back as the
/// person's answer.
/// </summary>
internal sealed class WhatsAppReplyRenderer(ChannelWordingText wording) : IReplyRenderer
{
    /// <summary>Free-form text body limit.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>Interactive body limit.</summary>
    public const int MaxInteractiveBodyLength = 1024;

    public const int MaxButtons = 3;
    public const int MaxButtonTitleLength = 20;
    public const int MaxButtonIdLength = 256;
    public const int MaxListRows = 10;
    public const int MaxRowTitleLength = 24;
    public const int MaxRowDescriptionLength = 72;
    public const int MaxRowIdLength = 200;
    public const int MaxListButtonLength = 20;

    public IReadOnlyList<OutgoingMessage> Render(IReadOnlyList<BotReply> replies)
    {
        var numbered = replies.LastOrDefault(r => r.Choices.Count > 0) is { Choices.Count: > MaxListRows };
        var messages = new List<OutgoingMessage>();
        foreach (var reply in replies)
        {
            messages.AddRange(RenderOne(reply, numbered).Select(message => Outgoing(reply, message)));
        }

        return messages;
    }

    /// <summary>
    /// The Cloud API message for an outgoing message, with its recipient: the one rendered here, or a text message for
    /// a message made without the engine (the safe error reply, which names 911); null when there is nothing to send.
    /// </summary>
    public static JsonObject? Message(OutgoingMessage outgoing, string to)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        var body = outgoing.ChannelData?.WhatsApp is { } rendered
            ? rendered
            : outgoing is { Kind: OutgoingKind.Message, Text.Length: > 0 } ? Text(outgoing.Text) : null;
        if (body is null) return null;
        var message = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = to,
        };
        foreach (var (name, value) in body)
        {
            message[name] = value?.DeepClone();
        }

        return message;
    }

    /// <summary>
    /// The answer to a voice note, picture or location: the bot reads text only. Bilingual because no turn ran, so
    /// the language is not known; it names 911 like the bot's other safety nets. Kept in code like SafeErrorMessage:
    /// it is sent without the engine. Draft wording; the French is a draft translation.
    /// </summary>
    public static JsonObject TextOnlyNotice(string to) => Message(Outgoing(null, Text(
        "Sorry, I can only read text. Please type your message. If you are in danger now, call 911.\n\n" +
        "Désolé, je ne peux lire que du texte. Écris ton message. Si tu es en danger maintenant, appelle le 911.")), to)!;

    private IEnumerable<JsonObject> RenderOne(BotReply reply, bool numbered)
    {
        var text = ReplyText.Write(reply.Parts, markdown: false, wording.AnswerHint(reply.Locale, numbered));
        var links = ReplyText.LinkLines(reply.Parts).ToList();
        if (links.Count > 0)
        {
            text = (text + "\n\n" + string.Join('\n', links)).Trim();
        }

        var choices = reply.Choices;
        if (choices.Count > MaxListRows)
        {
            text += string.Concat(choices.Select((c, i) => $"\n{(i + 1).ToString(CultureInfo.InvariantCulture)}. {c.Label}"));
            text += "\n\n" + wording.ReplyPrompt(reply.Locale, choices.Count);
        }

        if (choices.Count is 0 or > MaxListRows)
        {
            foreach (var part in MessageSplitter.Split(text, MaxTextLength).Where(t => t.Length > 0))
            {
                yield return Text(part);
            }

            yield break;
        }

        // The interactive body holds at most 1,024 characters and may not be empty: longer text goes first as text messages.
        var body = text.Length == 0 ? wording.ReplyPrompt(reply.Locale, choices.Count) : text;
        var parts = MessageSplitter.Split(body, MaxInteractiveBodyLength);
        foreach (var part in parts.Take(parts.Count - 1))
        {
            yield return Text(part);
        }

        // Reply buttons only when every short label fits a button; otherwise a list, whose rows carry the full label.
        var fitsButtons = choices.Count <= MaxButtons && choices.All(c => c.ShortLabel.Length <= MaxButtonTitleLength);
        yield return fitsButtons ? Buttons(parts[^1], choices) : List(parts[^1], choices, reply.Locale);
    }

    private static OutgoingMessage Outgoing(BotReply? reply, JsonObject message)
    {
        var text = (string?)message["text"]?["body"] ?? (string?)message["interactive"]?["body"]?["text"] ?? "";
        var responseKey = reply?.ResponseKey ?? "";
        return RenderedMessage.Create(text, reply?.Locale ?? BotCatalog.Default.FallbackLocale, responseKey, markdown: false) with
        {
            ChannelData = new MessageChannelData { ResponseKey = responseKey, WhatsApp = message },
        };
    }

    private static JsonObject Text(string body) => new()
    {
        ["type"] = "text",
        ["text"] = new JsonObject { ["preview_url"] = false, ["body"] = body },
    };

    private static JsonObject Buttons(string body, IReadOnlyList<ReplyChoice> choices) => new()
    {
        ["type"] = "interactive",
        ["interactive"] = new JsonObject
        {
            ["type"] = "button",
            ["body"] = new JsonObject { ["text"] = body },
            ["action"] = new JsonObject
            {
                ["buttons"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
                {
                    ["type"] = "reply",
                    ["reply"] = new JsonObject { ["id"] = Cut(c.Id, MaxButtonIdLength), ["title"] = c.ShortLabel },
                })]),
            },
        },
    };

    private JsonObject List(string body, IReadOnlyList<ReplyChoice> choices, string locale)
    {
        var rows = new JsonArray();
        foreach (var choice in choices)
        {
            var title = Shorten(choice.ShortLabel, MaxRowTitleLength);
            var row = new JsonObject { ["id"] = Cut(choice.Id, MaxRowIdLength), ["title"] = title };
            if (title != choice.Label)
            {
                row["description"] = Shorten(choice.Label, MaxRowDescriptionLength);
            }

            rows.Add(row);
        }

        return new JsonObject
        {
            ["type"] = "interactive",
            ["interactive"] = new JsonObject
            {
                ["type"] = "list",
                ["body"] = new JsonObject { ["text"] = body },
                ["action"] = new JsonObject
                {
                    ["button"] = Shorten(wording.ListButton(locale), MaxListButtonLength),
                    ["sections"] = new JsonArray(new JsonObject { ["rows"] = rows }),
                },
            },
        };
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
