using System.Globalization;
using AwarenessBot.Content.Loading;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>A text the user reads, with its field path ("messages[1]") and its JSON pointer in the file.</summary>
internal sealed record LocaleTextField(string FieldPath, string Pointer, string Text);

internal static class LocaleTextFields
{
    public static string LocalePointer(int variantIndex, string locale) =>
        $"/variants/{variantIndex.ToString(CultureInfo.InvariantCulture)}/locales/{locale}";

    /// <summary>Messages then quiz texts of one locale of one variant, in reading order.</summary>
    public static IEnumerable<LocaleTextField> Of(LocaleTextDefinition text, int variantIndex, string locale)
    {
        var root = LocalePointer(variantIndex, locale);
        for (var i = 0; i < text.Messages.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            yield return new LocaleTextField($"messages[{n}]", $"{root}/messages/{n}", text.Messages[i]);
        }

        if (text.Quiz is not { } quiz)
        {
            yield break;
        }

        yield return new LocaleTextField("quiz.question", $"{root}/quiz/question", quiz.Question);
        for (var i = 0; i < quiz.Choices.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            yield return new LocaleTextField($"quiz.choices[{n}]", $"{root}/quiz/choices/{n}", quiz.Choices[i]);
        }

        yield return new LocaleTextField("quiz.feedback_correct", $"{root}/quiz/feedback_correct", quiz.FeedbackCorrect);
        yield return new LocaleTextField("quiz.feedback_incorrect", $"{root}/quiz/feedback_incorrect", quiz.FeedbackIncorrect);
    }

    /// <summary>Every (variant, locale, field) of an item.</summary>
    public static IEnumerable<(int Variant, string Locale, LocaleTextField Field)> All(ContentItemDefinition item)
    {
        for (var v = 0; v < item.Variants.Count; v++)
        {
            foreach (var (locale, text) in item.Variants[v].Locales)
            {
                foreach (var field in Of(text, v, locale))
                {
                    yield return (v, locale, field);
                }
            }
        }
    }
}
