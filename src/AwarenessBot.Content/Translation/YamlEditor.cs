using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Content.Translation;

/// <summary>Small helpers to edit a content file's YAML tree in place (keys plain, texts double-quoted).</summary>
internal static class YamlEditor
{
    public static YamlMappingNode Mapping(YamlMappingNode parent, string key)
    {
        if (parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode mapping)
        {
            return mapping;
        }

        mapping = [];
        parent.Children[new YamlScalarNode(key)] = mapping;
        return mapping;
    }

    public static YamlSequenceNode Sequence(YamlMappingNode parent, string key)
    {
        if (parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        sequence = [];
        parent.Children[new YamlScalarNode(key)] = sequence;
        return sequence;
    }

    public static string? Text(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;

    public static void SetText(YamlMappingNode parent, string key, string value, bool quoted = true) =>
        parent.Children[new YamlScalarNode(key)] = Scalar(value, quoted);

    public static void SetItem(YamlSequenceNode sequence, int index, string value)
    {
        while (sequence.Children.Count <= index)
        {
            sequence.Children.Add(Scalar(string.Empty, quoted: true));
        }

        sequence.Children[index] = Scalar(value, quoted: true);
    }

    public static YamlScalarNode Scalar(string value, bool quoted) => new(value) { Style = quoted ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain };

    public static YamlScalarNode Number(int value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes the document back with its schema header line; comments other than the header are not kept.</summary>
    public static string Save(YamlStream stream, string headerLine)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var body = writer.ToString().TrimEnd();
        if (body.EndsWith("...", StringComparison.Ordinal))
        {
            body = body[..^3].TrimEnd();
        }

        return headerLine + "\n" + body + "\n";
    }
}
