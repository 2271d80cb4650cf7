using AwarenessBot.Catalog;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Repository;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>
/// Every variant has the locales seeds/catalog.yaml requires of it (en and fr; worker variants also es and tl); every locale of a variant has the same number of
/// messages, the same quiz shape and the same answer; the title exists in every locale the item uses.
/// </summary>
internal sealed class LocaleCompletenessRule : ISeedRule
{
    public void Check(LoadedSeeds seeds, IssueCollector issues)
    {
        foreach (var (item, document) in seeds.Items)
        {
            for (var v = 0; v < item.Variants.Count; v++)
            {
                CheckVariant(item, v, document, issues);
            }

            foreach (var locale in item.Variants.SelectMany(x => x.Locales.Keys).Distinct().Order(StringComparer.Ordinal))
            {
                if (!item.Title.ContainsKey(locale))
                {
                    issues.Error(document, "/title", item.Id, locale, $"title has no '{locale}' text, but a variant is written in {locale}");
                }
            }
        }
    }

    private static void CheckVariant(ContentItemDefinition item, int index, DataDocument document, IssueCollector issues)
    {
        var variant = item.Variants[index];
        var pointer = $"/variants/{index}";
        var required = BotCatalog.Default.LocalesRequiredFor(variant.Audience);
        foreach (var locale in required.Where(l => !variant.Locales.ContainsKey(l)))
        {
            issues.Error(document, pointer + "/locales", item.Id, locale, $"variant {index} ({string.Join(", ", variant.Audience)}) has no '{locale}' text");
        }

        var source = LocaleNames.Fallback;
        if (!variant.Locales.TryGetValue(source, out var english))
        {
            return;
        }

        foreach (var (locale, text) in variant.Locales.Where(l => l.Key != source))
        {
            var at = LocaleTextFields.LocalePointer(index, locale);
            if (text.Messages.Count != english.Messages.Count)
            {
                issues.Error(document, at + "/messages", item.Id, locale, $"variant {index} has {text.Messages.Count} message(s) in {locale} but {english.Messages.Count} in {source}");
            }

            CheckQuiz(item.Id, english.Quiz, text.Quiz, locale, at, document, issues);
        }

        if (english.Quiz is { } quiz && quiz.Answer >= quiz.Choices.Count)
        {
            issues.Error(document, LocaleTextFields.LocalePointer(index, source) + "/quiz/answer", item.Id, source, $"quiz answer {quiz.Answer} is outside the {quiz.Choices.Count} choices");
        }
    }

    private static void CheckQuiz(string id, QuizDefinition? english, QuizDefinition? other, string locale, string at, DataDocument document, IssueCollector issues)
    {
        if (english is null && other is null)
        {
            return;
        }

        if (english is null || other is null)
        {
            issues.Error(document, at, id, locale, english is null ? "has a quiz but en has none" : "has no quiz but en has one");
            return;
        }

        if (other.Choices.Count != english.Choices.Count)
        {
            issues.Error(document, at + "/quiz/choices", id, locale, $"quiz has {other.Choices.Count} choices in {locale} but {english.Choices.Count} in en");
        }

        if (other.Answer != english.Answer)
        {
            issues.Error(document, at + "/quiz/answer", id, locale, $"quiz answer is {other.Answer} in {locale} but {english.Answer} in en");
        }
    }
}
