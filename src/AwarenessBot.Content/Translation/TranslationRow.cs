namespace AwarenessBot.Content.Translation;

/// <summary>
/// One text to translate. Variant is the zero-based variant index ("-" for the title); Audience is shown for the
/// translator; Field is "title", "messages[0]", "quiz.question", "quiz.choices[1]", "quiz.feedback_correct" or
/// "quiz.feedback_incorrect"; Status is the target's translation status ("missing" when there is none yet).
/// </summary>
public sealed record TranslationRow(string Locale, string Id, string Variant, string Audience, string Field, string SourceEnglish, string Target, string Status)
{
    public static readonly IReadOnlyList<string> Header = ["locale", "id", "variant", "audience", "field", "source_en", "target", "status"];

    public IReadOnlyList<string> ToCells() => [Locale, Id, Variant, Audience, Field, SourceEnglish, Target, Status];

    public const string TitleVariant = "-";
    public const string Missing = "missing";
}
