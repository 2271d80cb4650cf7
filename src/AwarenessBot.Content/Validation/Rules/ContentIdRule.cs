using AwarenessBot.Content.Loading;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>An item's id equals its file name, and no two items share an id (both files are named).</summary>
internal sealed class ContentIdRule : ISeedRule
{
    public void Check(LoadedSeeds seeds, IssueCollector issues)
    {
        var firstFileById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, document) in seeds.Items)
        {
            var fileName = Path.GetFileNameWithoutExtension(document.File);
            if (!string.Equals(item.Id, fileName, StringComparison.Ordinal))
            {
                issues.Error(document, "/id", item.Id, null, $"id '{item.Id}' must equal the file name '{fileName}'");
            }

            if (firstFileById.TryGetValue(item.Id, out var other))
            {
                issues.Error(document, "/id", item.Id, null, $"duplicate id '{item.Id}': also defined in {other}");
            }
            else
            {
                firstFileById[item.Id] = document.File;
            }
        }
    }
}
