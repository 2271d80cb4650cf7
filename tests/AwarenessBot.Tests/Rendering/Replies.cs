using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Rendering;
using AwarenessBot.Tests.DirectLine;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Rendering;

/// <summary>
/// Structured engine replies for renderer tests (test text, not content), the renderers over the real channel wording
/// (seeds/content/system/channel_*.yaml), and one sample turn every channel family's tests render.
/// </summary>
internal static class Replies
{
    private static readonly Lazy<ChannelWordingText> RealWording = new(() => new ChannelWordingText(
        new ServiceCollection().AddContentRepository(Path.Combine(RepositoryFolders.Root, "seeds")).BuildServiceProvider()
            .GetRequiredService<IContentRepository>()));

    public static ChannelWordingText Wording => RealWording.Value;

    /// <summary>The replies as the Bot Connector edge sends them: the channel's renderer, then the edge's one mapping to Activities.</summary>
    public static IReadOnlyList<Activity> Render(string channelId, params BotReply[] replies) =>
        [.. RenderMessages(channelId, replies).Select(AwarenessBot.BotFramework.OutgoingActivity.From)];

    /// <summary>The replies in the host's own outgoing model, as the channels the host serves itself receive them.</summary>
    public static IReadOnlyList<AwarenessBot.Turns.OutgoingMessage> RenderMessages(string channelId, params BotReply[] replies) =>
        new ReplyRenderers(Wording).For(channelId).Render(replies);

    public static BotReply WithChoices(int count, string locale = "en", string text = "Pick one.") =>
        new("test_menu", [Paragraph.Of(text)], [.. Enumerable.Range(1, count).Select(n => new ReplyChoice($"option_{n}", $"Option {n}"))], locale);

    public static BotReply Text(string text, string locale = "en") => new("test_text", [Paragraph.Of(text)], [], locale);

    /// <summary>
    /// One turn as the engine gives it: a paragraph with stressed words and a link, a service card, and a re-prompt
    /// whose answer hint is channel wording, with a choice whose full label is longer than WhatsApp's 20 characters.
    /// </summary>
    public static BotReply[] SampleTurn(string locale = "en") =>
    [
        new("test_text", [new Paragraph([new TextRun("If you are in danger, call "), new StrongRun("911"), new TextRun(". See "), new LinkRun("the guide", "https://example.org/guide"), new TextRun(".")])], [], locale),
        new("service:test", [new ServiceCard("test", "Test Line", "Mon–Fri 9–5", new OpenNowState(true, "Open now"),
            [
                new ServiceContact(ContactKind.Phone, "Call", "1-800-555-0100", "tel:+18005550100"),
                new ServiceContact(ContactKind.TextLine, "Text", "686868", "sms:686868"),
                new ServiceContact(ContactKind.Website, "Website", "https://example.org", "https://example.org"),
            ], "For everyone.")], [], locale),
        new("test_menu", [new Paragraph([new TextRun("Sorry, I didn't get that. "), AnswerHintRun.Instance])],
            [new ReplyChoice("yes", "Yes"), new ReplyChoice("tell_adult", "Tell an adult you trust", "Tell an adult"), new ReplyChoice("menu", "Menu")], locale),
    ];

    public static string ResponseKey(Activity activity) =>
        ((Newtonsoft.Json.Linq.JObject)activity.ChannelData).Value<string>("responseKey")!;
}
