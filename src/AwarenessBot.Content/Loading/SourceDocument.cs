using System.Text.Json.Nodes;

namespace AwarenessBot.Content.Loading;

/// <summary>
/// One YAML file read as a JSON tree, with the line of every node so that errors can point at the line.
/// Pointers are JSON Pointers ("/variants/0/locales/en/messages/1").
/// </summary>
internal sealed class SourceDocument(string relativePath, JsonNode? root, IReadOnlyDictionary<string, int> lines)
{
    public string RelativePath { get; } = relativePath;

    public JsonNode? Root { get; } = root;

    /// <summary>The line of the node at this pointer, or of its nearest ancestor that has one.</summary>
    public int? LineOf(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (lines.TryGetValue(current, out var line))
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
