using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Runtime;

namespace AwarenessBot.Engine.Rendering;

/// <summary>
/// Turns a content item into replies: one reply per message (chat bubbles), all with the item id as ResponseKey,
/// the choices on the last one. Each message is one paragraph of typed runs (<see cref="InlineMarkup"/>);
/// {service:&lt;id&gt;} placeholders the repository left are filled from the directory so no number is typed twice.
/// </summary>
internal sealed class ContentRenderer(IContentRepository content, IServiceDirectory services)
{
    /// <summary>
    /// The item for this person; inside a run that speaks to someone else (<see cref="DialogFrame.SpeaksTo"/>) that
    /// run's variant when the item has one; for a parent or teacher who gave a child's age, the educator variant where
    /// the item has one; else the person's own (services notes, prompts: the same for both).
    /// </summary>
    public ContentView? Find(TurnContext ctx, string contentId) =>
        (ctx.Top?.SpeaksTo is { } voice && content.Find(contentId, ctx.Locale, voice) is { } written && written.Audience == voice ? written : null)
        ?? (ctx.AdultAboutAChild is { } adult && content.Find(contentId, ctx.Locale, adult) is { } forThem && forThem.Audience == adult ? forThem : null)
        ?? content.Find(contentId, ctx.Locale, ctx.ContentAudience);

    /// <summary>Where content names the province or territory a list of services is for (system_services_region_used).</summary>
    public const string RegionPlaceholder = "{region}";

    /// <param name="region">The text of <see cref="RegionPlaceholder"/> in the item's messages, if it has any.</param>
    public void Show(TurnContext ctx, string contentId, IReadOnlyList<ReplyChoice>? choices = null, string? key = null, string? region = null)
    {
        var view = Find(ctx, contentId);
        var messages = view?.Messages ?? [];
        if (messages.Count == 0)
        {
            // Missing content is a validation error; at run time we still show the choices rather than nothing.
            ctx.Reply(key ?? contentId, [], choices);
            return;
        }
        if (view!.Locale != ctx.Locale && !ctx.SaidInEnglish)
        {
            // A topic not translated yet falls back to English: say so once a turn, in the person's language.
            ctx.SaidInEnglish = true;
            if (Find(ctx, InEnglishKey) is { Locale: var said, Messages: [var notice, ..] } && said == ctx.Locale)
                ctx.Reply(InEnglishKey, [Paragraph(ctx, notice)], null);
        }
        for (var i = 0; i < messages.Count; i++)
        {
            var text = region is null ? messages[i] : messages[i].Replace(RegionPlaceholder, region, StringComparison.Ordinal);
            ctx.Reply(key ?? contentId, [Paragraph(ctx, text)], i == messages.Count - 1 ? choices : null, view.Audience);
        }
    }

    /// <summary>"This part is not translated yet, so it is in English."</summary>
    public const string InEnglishKey = "system_in_english";

    /// <summary>The first message of a one-line system item (button labels, "Open now").</summary>
    public string Line(TurnContext ctx, string contentId, string fallback) =>
        Find(ctx, contentId) is { Messages.Count: > 0 } view ? view.Messages[0] : fallback;

    /// <summary>One message of content as a paragraph of typed runs.</summary>
    public Paragraph Paragraph(TurnContext ctx, string text) =>
        new(InlineMarkup.MayNameAService(text) ? WithServices(ctx, text) : Runs(text));

    // Its own method: a lambda capturing ctx makes its closure at the start of the method that holds it.
    private List<Inline> WithServices(TurnContext ctx, string text) => InlineMarkup.Parse(text, id => Describe(ctx, id));

    private static ReadOnlyCollection<Inline> Runs(string text)
    {
        if (Parsed.TryGetValue(text, out var runs))
        {
            return runs;
        }

        runs = InlineMarkup.Parse(text, NoService).AsReadOnly();
        // Counted here, not with Parsed.Count, which takes every lock of the dictionary.
        if (Volatile.Read(ref _parsedCount) < MaxParsed && Parsed.TryAdd(text, runs))
        {
            Interlocked.Increment(ref _parsedCount);
        }

        return runs;
    }

    /// <summary>
    /// The runs of texts without a service placeholder, by text: parsing is then a function of the text alone, and
    /// the same few hundred content texts were parsed again on every reply. Read-only, since every reply of that text
    /// shares them. Up to <see cref="MaxParsed"/> texts (the content has a few thousand); texts past it are parsed
    /// each time, as all were before.
    /// </summary>
    private static readonly ConcurrentDictionary<string, ReadOnlyCollection<Inline>> Parsed = new(StringComparer.Ordinal);

    private const int MaxParsed = 16_384;

    private static int _parsedCount;

    private static readonly Func<string, IReadOnlyList<Inline>> NoService =
        id => throw new InvalidOperationException($"A text without a service placeholder named service '{id}'.");

    private IReadOnlyList<Inline> Describe(TurnContext ctx, string serviceId)
    {
        var service = services.FindById(serviceId, ctx.Locale, ctx.Input.Now);
        if (service is null) return [new TextRun(serviceId)];
        var contact = service.Phone ?? service.TextLine ?? service.Web;
        return contact is null ? [new StrongRun(service.Name)] : [new StrongRun(service.Name), new TextRun($" ({contact})")];
    }
}
