using System.Text.Json.Nodes;
using AwarenessBot.Rendering;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Channels.WhatsApp;

/// <summary>
/// Turns a turn's replies (rendered for the <c>whatsapp-cloud</c> channel: plain text, up to 10 choices as suggested
/// actions on the last reply, up to 3 as card buttons earlier, numbered text beyond) into Cloud API message bodies
/// (https://developers.facebook.com/docs/whatsapp/guides/interactive-messages/ — lists of up to 10 options, reply
/// buttons up to 3; https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
/// — the request shape; the limits below as checked in PROTOCOLS.md §9: button title 20, id 256, row title 24,
/// description 72, body 1,024, text 4,096):
/// reply buttons for up to 3 choices whose labels fit a button (20 characters), a list message for up to 10, each
/// within WhatsApp's limits, with the choice's value as the id (it comes back as the person's answer) and the full
/// label in the row description when the row title had to be shortened: a label is never cut off for good.
/// </summary>
internal static class WhatsAppMessageBuilder
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

    public static IReadOnlyList<JsonObject> Build(IReadOnlyList<Activity> replies, string to)
    {
        var messages = new List<JsonObject>();
        foreach (var reply in replies)
        {
            var text = reply.Text ?? "";
            var actions = reply.SuggestedActions?.Actions ?? CardButtons(reply);
            var choices = actions.Where(IsSelectable).Select(a => new Choice(Value(a), FullLabel(a))).Where(c => c.Value.Length > 0).ToList();
            var links = actions.Where(a => a.Type == ActionTypes.OpenUrl && a.Value is string url && url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                .Select(a => $"{a.Title}: {a.Value}").ToList();
            if (links.Count > 0)
            {
                text = (text + "\n\n" + string.Join('\n', links)).Trim();
            }

            if (choices.Count is 0 or > MaxListRows)
            {
                messages.AddRange(MessageSplitter.Split(text, MaxTextLength).Where(t => t.Length > 0).Select(t => Text(to, t)));
                continue;
            }

            // The interactive body holds at most 1,024 characters: longer text goes first as text messages.
            var body = text.Length == 0 ? ReplyPrompt.For(Locale(reply), choices.Count) : text;
            var parts = MessageSplitter.Split(body, MaxInteractiveBodyLength);
            messages.AddRange(parts.Take(parts.Count - 1).Select(t => Text(to, t)));
            // Reply buttons only when every label fits whole; otherwise a list, whose rows carry the full label.
            var fitsButtons = choices.Count <= MaxButtons && choices.All(c => c.Label.Length <= MaxButtonTitleLength);
            messages.Add(fitsButtons ? Buttons(to, parts[^1], choices) : List(to, parts[^1], choices, Locale(reply)));
        }

        return messages;
    }

    /// <summary>
    /// The answer to a voice note, picture or location: the bot reads text only. Bilingual because no turn ran, so
    /// the language is not known; it names 911 like the bot's other safety nets. Draft wording; the French is a draft
    /// translation.
    /// </summary>
    public static JsonObject TextOnlyNotice(string to) => Text(to,
        "Sorry, I can only read text. Please type your message. If you are in danger now, call 911.\n\n" +
        "Désolé, je ne peux lire que du texte. Écris ton message. Si tu es en danger maintenant, appelle le 911.");

    private static JsonObject Envelope(string to, string type) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = to,
        ["type"] = type,
    };

    private static JsonObject Text(string to, string body)
    {
        var message = Envelope(to, "text");
        message["text"] = new JsonObject { ["preview_url"] = false, ["body"] = body };
        return message;
    }

    private static JsonObject Buttons(string to, string body, List<Choice> choices)
    {
        var message = Envelope(to, "interactive");
        message["interactive"] = new JsonObject
        {
            ["type"] = "button",
            ["body"] = new JsonObject { ["text"] = body },
            ["action"] = new JsonObject
            {
                ["buttons"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
                {
                    ["type"] = "reply",
                    ["reply"] = new JsonObject { ["id"] = Cut(c.Value, MaxButtonIdLength), ["title"] = Shorten(c.Label, MaxButtonTitleLength) },
                })]),
            },
        };
        return message;
    }

    private static JsonObject List(string to, string body, List<Choice> choices, string locale)
    {
        var rows = new JsonArray();
        foreach (var choice in choices)
        {
            var row = new JsonObject { ["id"] = Cut(choice.Value, MaxRowIdLength), ["title"] = Shorten(choice.Label, MaxRowTitleLength) };
            if (choice.Label.Length > MaxRowTitleLength)
            {
                row["description"] = Shorten(choice.Label, MaxRowDescriptionLength);
            }

            rows.Add(row);
        }

        var message = Envelope(to, "interactive");
        message["interactive"] = new JsonObject
        {
            ["type"] = "list",
            ["body"] = new JsonObject { ["text"] = body },
            ["action"] = new JsonObject
            {
                ["button"] = Shorten(ListButton(locale), MaxListButtonLength),
                ["sections"] = new JsonArray(new JsonObject { ["rows"] = rows }),
            },
        };
        return message;
    }

    /// <summary>The list's open button. Channel chrome, like ReplyPrompt; fr, es and tl are draft translations.</summary>
    private static string ListButton(string locale) => locale switch
    {
        "fr" => "Choisir",
        "es" => "Elegir",
        "tl" => "Pumili",
        _ => "Choose",
    };

    private static string Locale(Activity reply) => (reply.Locale ?? "en").Split('-', '_')[0];

    private static bool IsSelectable(CardAction action) => action.Type is ActionTypes.MessageBack or ActionTypes.ImBack or ActionTypes.PostBack;

    /// <summary>messageBack carries the stable value in Text and Value; imBack sends its value as text.</summary>
    private static string Value(CardAction action) => (action.Type == ActionTypes.MessageBack ? action.Text ?? action.Value as string : action.Value as string) ?? action.Title ?? "";

    /// <summary>The renderer cuts Title at 20 characters; the full label is in displayText (messageBack) or the value (imBack).</summary>
    private static string FullLabel(CardAction action) => action.Type switch
    {
        ActionTypes.MessageBack => action.DisplayText ?? action.Title ?? "",
        ActionTypes.ImBack => action.Value as string ?? action.Title ?? "",
        _ => action.Title ?? "",
    };

    private static List<CardAction> CardButtons(Activity reply) =>
        reply.Attachments?.Where(a => a.ContentType == HeroCard.ContentType)
            .SelectMany(a => a.Content switch
            {
                HeroCard card => card.Buttons ?? [],
                JObject json => json.ToObject<HeroCard>()?.Buttons ?? [],
                _ => [],
            })
            .ToList() ?? [];

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private sealed record Choice(string Value, string Label);
}
