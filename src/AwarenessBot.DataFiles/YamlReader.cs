using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.DataFiles;

/// <summary>
/// The one YAML reader of the data files. Plain scalars become null, booleans and numbers the way the YAML 1.2 core
/// schema reads them; quoted scalars stay strings. A key twice in one mapping (however it is quoted) or a second
/// document is an error: authors copy blocks, and a silently dropped copy is a bug nobody sees.
/// </summary>
public static class YamlReader
{
    /// <summary>The rule name of every YAML syntax issue.</summary>
    public const string Rule = "yaml";

    /// <summary>Reads a file; a file that cannot be read or parsed gives null and its issue.</summary>
    public static DataDocument? TryReadFile(string path, string file, ICollection<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            issues.Add(ValidationIssue.Error(Rule, file, null, null, "cannot read the file: " + ex.GetType().Name));
            return null;
        }

        return TryRead(file, text, issues);
    }

    /// <summary>Reads YAML text; malformed YAML gives null and one issue with its line.</summary>
    public static DataDocument? TryRead(string file, string text, ICollection<ValidationIssue> issues) =>
        TryRead(file, text, issues, ParsedYamlCache.Shared);

    private static DataDocument? TryRead(string file, string text, ICollection<ValidationIssue> issues, ParsedYamlCache? events)
    {
        ArgumentNullException.ThrowIfNull(issues);
        try
        {
            return Read(file, text, events);
        }
        catch (YamlException ex)
        {
            var line = ex.Start.Line > 0 ? (int?)ex.Start.Line : null;
            issues.Add(ValidationIssue.Error(Rule, file, line, null, ex.InnerException is { } inner and not InvalidOperationException ? inner.Message : ex.Message));
            return null;
        }
    }

    /// <summary>
    /// As <see cref="TryRead"/> for readers that use only <see cref="DataDocument.Json"/> and the lines (no YAML tree:
    /// <see cref="DataDocument.Yaml"/> is null): a text read before comes from the parsed-data snapshot
    /// (<see cref="ParsedYamlCache"/>), the same JSON and lines without running the YAML parser.
    /// </summary>
    public static DataDocument? TryReadData(string file, string text, ICollection<ValidationIssue> issues) =>
        TryReadData(file, text, issues, ParsedYamlCache.Shared);

    internal static DataDocument? TryReadData(string file, string text, ICollection<ValidationIssue> issues, ParsedYamlCache cache)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(cache);
        var key = ParsedYamlCache.Key(text);
        if (cache.TryGet(key, file) is { } kept)
        {
            return kept;
        }

        var document = TryRead(file, text, issues, events: null); // kept as JSON below, not as events too
        if (document is not null)
        {
            cache.Add(key, document);
        }

        return document is null ? null : new DataDocument(file, null, document.Json, document.Lines);
    }

    /// <summary>
    /// Reads YAML text into its tree, JSON and lines. A text read before without error comes from the parsed-data
    /// snapshot (<see cref="ParsedYamlCache"/>): its parser events replayed into the same tree, without YamlDotNet's
    /// scanner and parser.
    /// </summary>
    /// <exception cref="YamlException">The text is not YAML, or has a duplicate key, an alias or several documents.</exception>
    public static DataDocument Read(string file, string text) => Read(file, text, ParsedYamlCache.Shared);

    /// <param name="events">Where a text's parser events are kept, or null to parse and keep nothing.</param>
    internal static DataDocument Read(string file, string text, ParsedYamlCache? events)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (events is not { IsEnabled: true })
        {
            return Read(file, new Parser(new StringReader(text)));
        }

        var key = ParsedYamlCache.EventsKey(text);
        if (events.TryGetEvents(key) is { } kept)
        {
            try
            {
                return Read(file, new YamlEvents.Replay(kept));
            }
            catch (YamlException)
            {
                // An entry that does not replay to a document (it was valid when kept): parse the text.
            }
        }

        var recorder = new YamlEvents.Recorder(new Parser(new StringReader(text)));
        var document = Read(file, recorder);
        if (recorder.Keepable)
        {
            events.AddEvents(key, recorder.Events);
        }

        return document;
    }

    private static DataDocument Read(string file, IParser parser)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's parser gives up without a position on some flow collections left open in the middle of a
            // file ("phrases: [a, b" then the next key): still one issue for the file, never a crash of the loader.
            throw new YamlException(Mark.Empty, Mark.Empty, "not valid YAML: a bracket, brace or quote is left open", ex);
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw new YamlException(second.Start, second.End, "a data file holds one YAML document");
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var yaml = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        var json = yaml is null ? null : Convert(yaml, string.Empty, lines);
        return new DataDocument(file, yaml, json, lines);
    }

    private static JsonNode? Convert(YamlNode node, string pointer, Dictionary<string, int> lines)
    {
        lines[pointer] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? key.ToString();
                    if (obj.ContainsKey(name))
                    {
                        throw new YamlException(key.Start, key.End, $"duplicate key '{name}'");
                    }

                    obj[name] = Convert(value, pointer + "/" + Escape(name), lines);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), lines));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                // YamlDotNet resolves aliases to the node they name, so only an unknown node kind lands here.
                throw new YamlException(node.Start, node.End, "unsupported YAML node");
        }
    }

    /// <summary>The YAML 1.2 core schema's reading of a scalar (see the class summary).</summary>
    public static JsonValue? Scalar(YamlScalarNode scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (LooksLikeFloat(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(value);
    }

    private static bool LooksLikeFloat(string value) =>
        value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') && value.All(c => char.IsDigit(c) || c is '.' or 'e' or 'E' or '-' or '+');

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
