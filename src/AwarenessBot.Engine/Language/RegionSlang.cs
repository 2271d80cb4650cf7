using AwarenessBot.Engine.Loading;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Language;

/// <summary>
/// Region short forms that are also texting words (regions.yaml <c>not_a_place</c>): "bc" is "because" before "of",
/// "i", "he"... ("ill get charged bc of the stuff he made me do" was British Columbia), unless a word that puts
/// someone somewhere comes just before it (<c>place_words</c>: "moved to bc i need help"). The whole message "bc" is
/// always the region.
/// </summary>
internal sealed class RegionSlang(IReadOnlyDictionary<string, HashSet<string>> before, HashSet<string> placeWords)
{
    public static RegionSlang None { get; } = new(new Dictionary<string, HashSet<string>>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The one-word name at <paramref name="at"/> is the texting word here, not a place.</summary>
    public bool IsNoPlace(string[] words, int at) =>
        before.TryGetValue(words[at], out var next)
        && at + 1 < words.Length && next.Contains(words[at + 1])
        && !(at >= 1 && placeWords.Contains(words[at - 1]));

    public static RegionSlang Read(YamlMappingNode root)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (root.GetMap("not_a_place") is { } slang)
        {
            foreach (var (key, value) in slang.Children)
            {
                if (key is not YamlScalarNode { Value: { } name } || value is not YamlMappingNode entry) continue;
                map[TextNormalizer.Normalize(name)] = new HashSet<string>(entry.GetStrings("before").Select(TextNormalizer.Normalize), StringComparer.Ordinal);
            }
        }

        return new RegionSlang(map, new HashSet<string>(root.GetStrings("place_words").Select(TextNormalizer.Normalize), StringComparer.Ordinal));
    }
}
