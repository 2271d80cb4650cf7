using AwarenessBot.Content.Loading;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>Chat-sized text: a message longer than an SMS-friendly cap is split or shortened.</summary>
internal sealed class MessageLengthRule : ISeedRule
{
    /// <summary>Two SMS segments; above this, messages get cut or arrive out of order on SMS channels.</summary>
    public const int MaxCharacters = 320;

    public void Check(LoadedSeeds seeds, IssueCollector issues)
    {
        foreach (var (item, document) in seeds.Items)
        {
            foreach (var (_, locale, field) in LocaleTextFields.All(item).Where(f => f.Field.Text.Length > MaxCharacters))
            {
                issues.Error(document, field.Pointer, item.Id, locale, $"{field.FieldPath} has {field.Text.Length} characters (at most {MaxCharacters})");
            }
        }
    }
}
