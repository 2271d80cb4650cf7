using System.Text;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Runtime;

namespace AwarenessBot.Engine.Rendering;

/// <summary>One reply per service (ResponseKey "service:&lt;id&gt;") with Call / Text / Chat / Website buttons.</summary>
internal sealed class ServiceRenderer(ContentRenderer content)
{
    public const string KeyPrefix = "service:";

    public void Render(TurnContext ctx, ServiceView service)
    {
        var text = new StringBuilder();
        text.Append("**").Append(service.Name).Append("**");
        if (!string.IsNullOrWhiteSpace(service.HoursText)) text.Append(" — ").Append(service.HoursText);
        // Open/closed only means something for a sourced weekly schedule and a live contact (a phone, a text line, a
        // chat), not a web page. Unknown hours are never "closed", and a 24/7 line never carries a label.
        if (service.HasWeeklyHours && !service.Is24x7 && (service.Phone ?? service.TextLine ?? service.ChatUrl) is not null)
        {
            var status = service.OpenNow
                ? content.Line(ctx, "system_service_open_now", "Open now")
                : content.Line(ctx, "system_service_closed_now", "Closed now");
            text.Append(" (").Append(status).Append(')');
        }
        // The published numbers are written out too: a call button does nothing on a desktop or a basic phone.
        // As tel:/sms: links, so a rich channel keeps the number whole and tappable; plain channels show the number.
        if (service.Phone is { } phone) text.Append('\n').Append(content.Line(ctx, "system_button_call", "Call")).Append(": [").Append(phone).Append("](tel:").Append(Dialable(phone)).Append(')');
        if (service.TextLine is { } sms) text.Append('\n').Append(content.Line(ctx, "system_button_text", "Text")).Append(": [").Append(sms).Append("](sms:").Append(Dialable(sms)).Append(')');
        if (!string.IsNullOrWhiteSpace(service.Note)) text.Append('\n').Append(service.Note);
        ctx.Reply(KeyPrefix + service.Id, text.ToString(), Buttons(ctx, service));
    }

    private List<ReplyChoice> Buttons(TurnContext ctx, ServiceView service)
    {
        var buttons = new List<ReplyChoice>(4);
        if (service.Phone is { } phone)
            buttons.Add(new ReplyChoice(content.Line(ctx, "system_button_call", "Call"), "tel:" + Dialable(phone), ChoiceKind.Call));
        if (service.TextLine is { } sms)
            buttons.Add(new ReplyChoice(content.Line(ctx, "system_button_text", "Text"), "sms:" + Dialable(sms), ChoiceKind.Text));
        if (service.ChatUrl is { } chat)
            buttons.Add(new ReplyChoice(content.Line(ctx, "system_button_chat", "Chat"), chat, ChoiceKind.Link));
        if (service.Web is { } web)
            buttons.Add(new ReplyChoice(content.Line(ctx, "system_button_website", "Website"), web, ChoiceKind.Link));
        return buttons;
    }

    /// <summary>"1-833-900-1010" → "+18339001010"; short codes ("911", "686868") stay as they are.</summary>
    internal static string Dialable(string published)
    {
        var digits = new StringBuilder(published.Length);
        foreach (var ch in published)
        {
            if (char.IsAsciiDigit(ch)) digits.Append(ch);
        }
        return digits.Length switch
        {
            10 => "+1" + digits,
            11 when digits[0] == '1' => "+" + digits,
            _ => digits.ToString(),
        };
    }
}
