using System.Globalization;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Readability;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>
/// The whole text of a variant in one locale (messages, quiz question and feedback) stays under the strictest
/// grade ceiling of the variant's audiences (Readability/README.md).
/// </summary>
internal sealed class ReadabilityRule : ISeedRule
{
    public void Check(LoadedSeeds seeds, IssueCollector issues)
    {
        foreach (var (item, document) in seeds.Items)
        {
            for (var v = 0; v < item.Variants.Count; v++)
            {
                var variant = item.Variants[v];
                var (ceiling, audience) = ReadabilityCeilings.Strictest(variant.Audience);
                foreach (var (locale, text) in variant.Locales)
                {
                    var score = ReadabilityCalculator.Measure(locale, ReadText(text));
                    var allowed = ceiling + ReadabilityCeilings.ToleranceFor(locale);
                    if (score is not null && score.Grade > allowed)
                    {
                        var grade = score.Grade.ToString("0.0", CultureInfo.InvariantCulture);
                        var limit = allowed.ToString("0.#", CultureInfo.InvariantCulture);
                        issues.Error(document, LocaleTextFields.LocalePointer(v, locale), item.Id, locale,
                            $"readability grade {grade} > ceiling {limit} for {audience} ({score.Formula}, {score.Words} words, {score.Sentences} sentences)");
                    }
                }
            }
        }
    }

    // Choices are fragments, not sentences; they would distort sentence length.
    private static IEnumerable<string> ReadText(LocaleTextDefinition text) =>
        text.Quiz is { } quiz ? text.Messages.Concat([quiz.Question, quiz.FeedbackCorrect, quiz.FeedbackIncorrect]) : text.Messages;
}
