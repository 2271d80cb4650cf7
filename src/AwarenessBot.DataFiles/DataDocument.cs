using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.DataFiles;

/// <summary>
/// One YAML data file, read once: the YAML tree (for readers that want YamlDotNet's nodes), the same tree as JSON
/// (for the schema check and System.Text.Json), and the line of every node by JSON Pointer
/// ("/variants/0/locales/en/messages/1") so that any stage can point at the line.
/// </summary>
public sealed class DataDocument
{
    private readonly Lazy<IReadOnlyDictionary<string, int>> _lines;

    internal DataDocument(string file, YamlNode? yaml, JsonNode? json, IReadOnlyDictionary<string, int> lines)
        : this(file, yaml, json, new Lazy<IReadOnlyDictionary<string, int>>(lines))
    {
    }

    /// <param name="lines">Decoded when a line is first asked for (a document from <see cref="ParsedYamlCache"/>).</param>
    internal DataDocument(string file, YamlNode? yaml, JsonNode? json, Lazy<IReadOnlyDictionary<string, int>> lines)
    {
        File = file;
        Yaml = yaml;
        Json = json;
        _lines = lines;
    }

    /// <summary>The file as issues name it (relative to the repository).</summary>
    public string File { get; }

    /// <summary>The YAML tree; null for a document read with <see cref="YamlReader.TryReadData"/>, which may come from
    /// the parsed-data snapshot.</summary>
    public YamlNode? Yaml { get; }

    public JsonNode? Json { get; }

    /// <summary>Every node's line by pointer (what the parsed-data snapshot keeps).</summary>
    internal IReadOnlyDictionary<string, int> Lines => _lines.Value;

    /// <summary>The line of the node at this pointer, or of its nearest ancestor that has one; null for an empty file.</summary>
    public int? LineOf(string jsonPointer)
    {
        ArgumentNullException.ThrowIfNull(jsonPointer);
        var current = jsonPointer;
        while (true)
        {
            if (_lines.Value.TryGetValue(current, out var line))
            {
                return line;
            }

            if (current.Length == 0)
            {
                return null;
            }

            var cut = current.LastIndexOf('/');
            current = cut <= 0 ? string.Empty : current[..cut];
        }
    }
}
