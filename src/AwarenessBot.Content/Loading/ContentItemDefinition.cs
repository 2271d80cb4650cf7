namespace AwarenessBot.Content.Loading;

/// <summary>One content item as written in seeds/content/&lt;topic&gt;/&lt;id&gt;.yaml (see seeds/content/README.md).</summary>
internal sealed record ContentItemDefinition
{
    public string Id { get; init; } = string.Empty;

    public string Topic { get; init; } = string.Empty;

    public Dictionary<string, string> Title { get; init; } = [];

    public ReviewDefinition Review { get; init; } = new();

    public List<SourceLinkDefinition> Sources { get; init; } = [];

    public List<VariantDefinition> Variants { get; init; } = [];

    /// <summary>
    /// Set only on an item deliberately left without some of the catalog's locales: why. Every other item is shown in
    /// every locale (a convention test holds it; the validator requires only the catalog's content_required minimum).
    /// </summary>
    public string? UntranslatedReason { get; init; }
}

internal sealed record ReviewDefinition
{
    public string Status { get; init; } = ReviewStatuses.Draft;

    public string? ReviewedBy { get; init; }

    public string? LastReviewed { get; init; }
}

internal sealed record SourceLinkDefinition
{
    public string Url { get; init; } = string.Empty;

    public string? Title { get; init; }
}

/// <summary>One audience group of an item: the same text for every band listed.</summary>
internal sealed record VariantDefinition
{
    public List<string> Audience { get; init; } = [];

    public Dictionary<string, LocaleTextDefinition> Locales { get; init; } = [];
}

internal sealed record LocaleTextDefinition
{
    public string Translation { get; init; } = TranslationStatuses.Original;

    public List<string> Messages { get; init; } = [];

    public QuizDefinition? Quiz { get; init; }
}

internal sealed record QuizDefinition
{
    public string Question { get; init; } = string.Empty;

    public List<string> Choices { get; init; } = [];

    public int Answer { get; init; }

    public string FeedbackCorrect { get; init; } = string.Empty;

    public string FeedbackIncorrect { get; init; } = string.Empty;
}

internal static class ReviewStatuses
{
    public const string Draft = "draft";
    public const string Reviewed = "reviewed";
}

internal static class TranslationStatuses
{
    public const string Original = "original";
    public const string Draft = "draft_translation";
    public const string Machine = "machine_translation";
    public const string Reviewed = "reviewed_translation";

    public static readonly IReadOnlyList<string> All = [Original, Draft, Machine, Reviewed];
}
