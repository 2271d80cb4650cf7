using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Repository;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>Every {service:&lt;id&gt;} names a service in seeds/services; brace tokens other than the channel tokens are typos.</summary>
internal sealed class PlaceholderRule : ISeedRule
{
    public void Check(LoadedSeeds seeds, IssueCollector issues)
    {
        var serviceIds = seeds.Services.Select(s => s.Definition.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (item, document) in seeds.Items)
        {
            foreach (var (_, locale, field) in LocaleTextFields.All(item))
            {
                foreach (var id in ServicePlaceholders.IdsIn(field.Text).Where(id => !serviceIds.Contains(id)))
                {
                    issues.Error(document, field.Pointer, item.Id, locale, $"{field.FieldPath}: {{service:{id}}} names no service in seeds/services");
                }

                foreach (var token in ServicePlaceholders.MalformedIn(field.Text))
                {
                    issues.Error(document, field.Pointer, item.Id, locale, $"{field.FieldPath}: '{token}' is not a placeholder; write {{service:<service_id>}}, {{answer_hint}}, {{count}} or {{region}}");
                }
            }
        }
    }
}
