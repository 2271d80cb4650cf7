using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Engine.Validation;

/// <summary>YAML → JSON for schema evaluation, remembering the YAML line of every JSON pointer for error messages.</summary>
internal static class YamlJson
{
    public static JsonNode? Convert(YamlNode node, Dictionary<string, int> lines, string pointer = "")
    {
        lines[pointer] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    obj[name] = Convert(value, lines, pointer + "/" + Escape(name));
                }
                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                for (var i = 0; i < seq.Children.Count; i++)
                    array.Add(Convert(seq.Children[i], lines, pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "null" or "~" or "") return null;
        if (text is "true" or "false") return JsonValue.Create(text == "true");
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        return JsonValue.Create(text);
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The line of the closest node we know for a pointer (walking up to the parent).</summary>
    public static int LineFor(Dictionary<string, int> lines, string pointer)
    {
        while (true)
        {
            if (lines.TryGetValue(pointer, out var line)) return line;
            var cut = pointer.LastIndexOf('/');
            if (cut < 0) return 1;
            pointer = pointer[..cut];
        }
    }
}
