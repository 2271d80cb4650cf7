using System.Text;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Runtime;

namespace AwarenessBot.Engine.Rendering;

/// <summary>
/// Turns a content item into replies: one reply per message (chat bubbles), all with the item id as ResponseKey,
/// the buttons on the last one. Fills {service:&lt;id&gt;} placeholders from the directory so no number is typed twice.
/// </summary>
internal sealed class ContentRenderer(IContentRepository content, IServiceDirectory services)
{
    private const string PlaceholderStart = "{service:";

    public ContentView? Find(TurnContext ctx, string contentId) => content.Find(contentId, ctx.Locale, ctx.ContentAudience);

    /// <summary>
    /// Channels with no buttons (the edge shows a numbered list) when the edge does not say (TurnInput.NoButtons):
    /// their wording is the item "&lt;id&gt;_sms" when it exists.
    /// </summary>
    public static readonly IReadOnlySet<string> PlainTextChannels =
        new HashSet<string>(["sms", "twilio-sms", "whatsapp", "email"], StringComparer.OrdinalIgnoreCase);

    public const string PlainTextSuffix = "_sms";

    public void Show(TurnContext ctx, string contentId, IReadOnlyList<ReplyChoice>? choices = null, string? key = null)
    {
        if ((ctx.Input.NoButtons ?? PlainTextChannels.Contains(ctx.Input.ChannelId)) && Find(ctx, contentId + PlainTextSuffix) is { Messages.Count: > 0 })
            contentId += PlainTextSuffix;
        var view = Find(ctx, contentId);
        var messages = view?.Messages ?? [];
        if (messages.Count == 0)
        {
            // Missing content is a validation error; at run time we still show the buttons rather than nothing.
            ctx.Reply(key ?? contentId, "", choices);
            return;
        }
        for (var i = 0; i < messages.Count; i++)
            ctx.Reply(key ?? contentId, FillPlaceholders(ctx, messages[i]), i == messages.Count - 1 ? choices : null);
    }

    /// <summary>The first message of a one-line system item (button labels, "Open now").</summary>
    public string Line(TurnContext ctx, string contentId, string fallback) =>
        Find(ctx, contentId) is { Messages.Count: > 0 } view ? view.Messages[0] : fallback;

    public string FillPlaceholders(TurnContext ctx, string text)
    {
        var at = text.IndexOf(PlaceholderStart, StringComparison.Ordinal);
        if (at < 0) return text;
        var sb = new StringBuilder(text.Length + 32);
        var from = 0;
        while (at >= 0)
        {
            var close = text.IndexOf('}', at);
            if (close < 0) break;
            sb.Append(text, from, at - from);
            var id = text.Substring(at + PlaceholderStart.Length, close - at - PlaceholderStart.Length);
            sb.Append(Describe(ctx, id));
            from = close + 1;
            at = text.IndexOf(PlaceholderStart, from, StringComparison.Ordinal);
        }
        sb.Append(text, from, text.Length - from);
        return sb.ToString();
    }

    private string Describe(TurnContext ctx, string serviceId)
    {
        var service = services.FindById(serviceId, ctx.Locale, ctx.Input.Now);
        if (service is null) return serviceId;
        var contact = service.Phone ?? service.TextLine ?? service.Web;
        return contact is null ? $"**{service.Name}**" : $"**{service.Name}** ({contact})";
    }
}
