using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Runtime;

namespace AwarenessBot.Engine.Rendering;

/// <summary>One reply per service (ResponseKey "service:&lt;id&gt;") holding its <see cref="ServiceCard"/>.</summary>
internal sealed class ServiceRenderer(ContentRenderer content)
{
    public const string KeyPrefix = "service:";

    public void Render(TurnContext ctx, ServiceView service) =>
        ctx.Reply(KeyPrefix + service.Id, [Card(ctx, service)]);

    private ServiceCard Card(TurnContext ctx, ServiceView service)
    {
        // Open/closed only means something for a sourced weekly schedule and a live contact (a phone, a text line, a
        // chat), not a web page. Unknown hours are never "closed", and a 24/7 line never carries a label.
        OpenNowState? openNow = null;
        if (service.HasWeeklyHours && !service.Is24x7 && (service.Phone ?? service.TextLine ?? service.ChatUrl) is not null)
        {
            openNow = service.OpenNow
                ? new OpenNowState(true, content.Line(ctx, "system_service_open_now", "Open now"))
                : new OpenNowState(false, content.Line(ctx, "system_service_closed_now", "Closed now"));
        }

        return new ServiceCard(
            service.Id,
            service.Name,
            string.IsNullOrWhiteSpace(service.HoursText) ? null : service.HoursText,
            openNow,
            Contacts(ctx, service),
            string.IsNullOrWhiteSpace(service.Note) ? null : service.Note);
    }

    private List<ServiceContact> Contacts(TurnContext ctx, ServiceView service)
    {
        var contacts = new List<ServiceContact>(4);
        if (service.Phone is { } phone)
            contacts.Add(new ServiceContact(ContactKind.Phone, content.Line(ctx, "system_button_call", "Call"), phone, "tel:" + DialableNumber.For(phone)));
        if (service.TextLine is { } sms)
            contacts.Add(new ServiceContact(ContactKind.TextLine, content.Line(ctx, "system_button_text", "Text"), sms, "sms:" + DialableNumber.For(sms)));
        if (service.ChatUrl is { } chat)
            contacts.Add(new ServiceContact(ContactKind.Chat, content.Line(ctx, "system_button_chat", "Chat"), chat, chat));
        if (service.Web is { } web)
            contacts.Add(new ServiceContact(ContactKind.Website, content.Line(ctx, "system_button_website", "Website"), web, web));
        return contacts;
    }
}
