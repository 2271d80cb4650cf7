using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Loading;

/// <summary>Small typed reads over YamlDotNet's representation model (which keeps line numbers for error messages).</summary>
internal static class YamlNodes
{
    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? GetString(this YamlMappingNode map, string key) =>
        map.Get(key) is YamlScalarNode { Value: { } v } && !IsNull(map.Get(key)!) ? v : null;

    public static int? GetInt(this YamlMappingNode map, string key) =>
        map.GetString(key) is { } s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    public static bool? GetBool(this YamlMappingNode map, string key) =>
        map.GetString(key) is { } s && bool.TryParse(s, out var b) ? b : null;

    public static YamlMappingNode? GetMap(this YamlMappingNode map, string key) => map.Get(key) as YamlMappingNode;

    public static IEnumerable<YamlNode> GetSeq(this YamlMappingNode map, string key) =>
        map.Get(key) is YamlSequenceNode seq ? seq.Children : [];

    public static IReadOnlyList<string> GetStrings(this YamlMappingNode map, string key) =>
        map.GetSeq(key).OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList();

    public static IReadOnlyDictionary<string, string> GetStringMap(this YamlMappingNode map, string key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.GetMap(key) is { } m)
        {
            foreach (var (k, v) in m.Children)
            {
                if (k is YamlScalarNode { Value: { } name } && v is YamlScalarNode { Value: { } text })
                    result[name] = text;
            }
        }
        return result;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" };
}
