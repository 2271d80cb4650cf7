using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Testing.Transcripts;

/// <summary>Reads transcript files: a YAML list of turns (or a mapping with <c>turns:</c>).</summary>
public static class TranscriptParser
{
    public static IReadOnlyList<TranscriptDefinition> LoadDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(Load).ToList();

    public static TranscriptDefinition Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path)) stream.Load(reader);
        var root = stream.Documents[0].RootNode;
        var list = root switch
        {
            YamlSequenceNode seq => seq,
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("turns"), out var t) && t is YamlSequenceNode s => s,
            _ => throw new TranscriptFailedException($"{path}: a transcript is a list of turns."),
        };
        var turns = new List<TranscriptTurn>();
        foreach (var node in list.Children)
        {
            if (node is not YamlMappingNode turn) throw new TranscriptFailedException($"{path}:{node.Start.Line}: a turn is a mapping.");
            turns.Add(ReadTurn(turns.Count, turn, path));
        }
        return new TranscriptDefinition(Path.GetFileNameWithoutExtension(path), path, turns);
    }

    private static TranscriptTurn ReadTurn(int index, YamlMappingNode turn, string path)
    {
        string? Str(string key) => turn.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
        List<string>? List(string key) => turn.Children.TryGetValue(new YamlScalarNode(key), out var v)
            ? v is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList() : []
            : null;
        Dictionary<string, string>? Map(string key) => turn.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlMappingNode map
            ? map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value ?? "", e => (e.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal)
            : null;
        var start = Str("start") == "true";
        var user = Str("user");
        var line = (int)turn.Start.Line;
        if (start == (user is not null)) throw new TranscriptFailedException($"{path}:{line}: turn {index} needs exactly one of start: true or user: \"...\".");
        return new TranscriptTurn(index, line, start, user, Str("channel") ?? "webchat", Str("locale"), Str("detected"), Str("crisis"),
            List("bot") ?? throw new TranscriptFailedException($"{path}:{line}: turn {index} needs bot: [...]"),
            List("choices"), List("effects") ?? [], List("events"))
        {
            Severity = Str("severity") ?? "high",
            Rule = Str("rule"),
            ThirdPerson = Str("third_person") == "true",
            Beside = List("beside") ?? [],
            Variants = Map("variants"),
            RepliesIn = Str("replies_in"),
        };
    }
}
