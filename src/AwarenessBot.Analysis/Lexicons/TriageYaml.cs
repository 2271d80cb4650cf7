using AwarenessBot.DataFiles;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Analysis.Lexicons;

/// <summary>Small helpers for the triage data files (mappings of scalars and sequences).</summary>
internal static class TriageYaml
{
    public static YamlMappingNode LoadMapping(string path)
    {
        if (!File.Exists(path))
        {
            throw new LexiconValidationException([$"{path}: file not found"]);
        }

        return LoadMapping(path, File.ReadAllText(path));
    }

    /// <summary>A file's text already read (the triage loader hashes the same text it compiles).</summary>
    public static YamlMappingNode LoadMapping(string path, string text)
    {
        YamlNode? yaml;
        try
        {
            // The shared data-file reader: the same scalars, duplicate keys and line numbers as every other file.
            yaml = YamlReader.Read(path, text).Yaml;
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            throw new LexiconValidationException([e is YamlDotNet.Core.YamlException y ? $"{path}:{y.Start.Line}: {y.Message}" : $"{path}: {e.Message}"]);
        }

        return yaml is YamlMappingNode root
            ? root
            : throw new LexiconValidationException([$"{path}: expected a mapping at the top"]);
    }

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    public static IEnumerable<(string Key, string Value)> Pairs(YamlMappingNode node, string key)
    {
        if (Child(node, key) is not YamlMappingNode map)
        {
            yield break;
        }

        foreach (var (k, v) in map.Children)
        {
            yield return (((YamlScalarNode)k).Value ?? "", (v as YamlScalarNode)?.Value ?? "");
        }
    }

    public static IReadOnlyList<string> Strings(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => [.. seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? "")],
        YamlScalarNode s when s.Value is { } v => [v],
        _ => [],
    };
}
