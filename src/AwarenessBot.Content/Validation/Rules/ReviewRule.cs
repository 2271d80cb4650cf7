using AwarenessBot.Content.Loading;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>A reviewed item names its reviewer; a reviewed translation of an unreviewed item is suspicious.</summary>
internal sealed class ReviewRule : ISeedRule
{
    public void Check(LoadedSeeds seeds, IssueCollector issues)
    {
        foreach (var (item, document) in seeds.Items)
        {
            var reviewed = item.Review.Status == ReviewStatuses.Reviewed;
            if (reviewed && string.IsNullOrWhiteSpace(item.Review.ReviewedBy))
            {
                issues.Error(document, "/review/status", item.Id, null, "review.status is 'reviewed' but review.reviewed_by names no organisation");
            }

            if (reviewed)
            {
                continue;
            }

            for (var v = 0; v < item.Variants.Count; v++)
            {
                foreach (var (locale, text) in item.Variants[v].Locales.Where(l => l.Value.Translation == TranslationStatuses.Reviewed))
                {
                    issues.Warning(document, LocaleTextFields.LocalePointer(v, locale) + "/translation", item.Id, locale, "translation is 'reviewed_translation' but the item itself is still a draft");
                }
            }
        }
    }
}
