using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Services;

namespace AwarenessBot.Content.Repository;

/// <summary>
/// Content lookups over the current snapshot, with locale and audience fallback and {service:id} placeholders
/// resolved per locale to "Name: contact".
/// </summary>
internal sealed class ContentRepository(ContentSnapshotHolder holder) : IContentRepository
{
    public ContentView? Find(string contentId, string locale, string? audience)
    {
        var snapshot = holder.Current;
        if (contentId is null || !snapshot.Items.TryGetValue(contentId, out var item))
        {
            return null;
        }

        var (variant, matchedAudience) = AudienceFallback.Choose(item, audience);
        var wanted = LocaleNames.Normalize(locale);
        var used = variant.Locales.ContainsKey(wanted) ? wanted : LocaleNames.Fallback;
        return snapshot.Views.TryGetValue((item.Id, matchedAudience, used), out var view)
            ? view
            : snapshot.Views.GetOrAdd((item.Id, matchedAudience, used), Build(snapshot, item, variant, matchedAudience, used));
    }

    private static ContentView Build(ContentSnapshot snapshot, ContentItemDefinition item, VariantDefinition variant, string matchedAudience, string used)
    {
        var text = variant.Locales[used];
        string Resolve(string s) => ServicePlaceholders.Replace(
            s, id => snapshot.Services.TryGetValue(id, out var service) ? ServiceViewFactory.ContactLine(service, used) : null);

        var quiz = text.Quiz is { } q
            ? new QuizView(Resolve(q.Question), q.Choices.Select(Resolve).ToList().AsReadOnly(), q.Answer, Resolve(q.FeedbackCorrect), Resolve(q.FeedbackIncorrect))
            : null;
        return new ContentView(
            item.Id,
            item.Topic,
            used,
            matchedAudience,
            // Shared by every turn that shows it: read-only, not a list a caller could change.
            text.Messages.Select(Resolve).ToList().AsReadOnly(),
            quiz,
            IsDraft: item.Review.Status != ReviewStatuses.Reviewed,
            IsMachineOrUnreviewedTranslation: text.Translation is TranslationStatuses.Machine or TranslationStatuses.Draft);
    }

    public bool Exists(string contentId) => contentId is not null && holder.Current.Items.ContainsKey(contentId);

    public IReadOnlySet<string> LocalesOf(string contentId) =>
        contentId is not null && holder.Current.Items.TryGetValue(contentId, out var item)
            ? item.Variants.SelectMany(v => v.Locales.Keys).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<ContentSummary> List() =>
        holder.Current.Items.Values
            .OrderBy(i => i.Topic, StringComparer.Ordinal)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new ContentSummary(
                i.Id,
                i.Topic,
                i.Variants.SelectMany(v => v.Audience).Distinct(StringComparer.Ordinal).ToList(),
                i.Variants.SelectMany(v => v.Locales.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                LocaleNames.Pick(i.Title, LocaleNames.Fallback) ?? i.Id)
            {
                Titles = i.Title,
            })
            .ToList();
}
