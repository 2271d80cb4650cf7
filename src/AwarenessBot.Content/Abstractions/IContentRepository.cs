namespace AwarenessBot.Content.Abstractions;

/// <summary>
/// Awareness content by id, locale and audience. Implementations load seeds/content, validate it and index it.
/// Lookups never throw for an unknown locale or audience: they fall back (locale to English, audience to the most
/// cautious age band) and say which variant they returned.
/// </summary>
public interface IContentRepository
{
    /// <summary>The best variant of an item for this locale and audience, or null when the id does not exist.</summary>
    ContentView? Find(string contentId, string locale, string? audience);

    /// <summary>True when an item with this id exists in any locale or audience.</summary>
    bool Exists(string contentId);

    /// <summary>The locales in which this item exists (for every audience variant together).</summary>
    IReadOnlySet<string> LocalesOf(string contentId);

    /// <summary>Every item, one summary per id (for the educators' page and for validators).</summary>
    IReadOnlyList<ContentSummary> List();
}

/// <summary>One item as it is shown: a few chat-sized messages (light Markdown: **bold**, [text](url)) and an optional quiz.</summary>
public sealed record ContentView(
    string Id,
    string Topic,
    string Locale,
    string Audience,
    IReadOnlyList<string> Messages,
    QuizView? Quiz,
    bool IsDraft,
    bool IsMachineOrUnreviewedTranslation);

/// <summary>A quiz question with feedback. AnswerIndex is zero-based into Choices.</summary>
public sealed record QuizView(
    string Question,
    IReadOnlyList<string> Choices,
    int AnswerIndex,
    string FeedbackCorrect,
    string FeedbackIncorrect);

public sealed record ContentSummary(
    string Id,
    string Topic,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Locales,
    string Title)
{
    /// <summary>The title in every locale the item gives one (Title is the English one).</summary>
    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
