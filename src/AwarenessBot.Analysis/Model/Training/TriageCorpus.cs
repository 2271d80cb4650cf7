using System.Text.Json;

namespace AwarenessBot.Analysis.Model.Training;

/// <summary>
/// The labelled corpus in JSON Lines: <c>{"lang":"en","label":"self_harm","text":"...","tags":[...]}</c>, label one of
/// <see cref="TriageClasses.Names"/>. Blank lines are skipped; a bad line is an error naming file and line.
/// </summary>
public static class TriageCorpus
{
    public const string TrainFile = "train.jsonl";
    public const string DevFile = "dev.jsonl";
    public const string RelativeDirectory = "corpus/triage";

    public static IReadOnlyList<LabelledText> Read(string path)
    {
        var lines = new List<LabelledText>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            lines.Add(Parse(raw, $"{path}:{number}"));
        }

        return lines;
    }

    public static LabelledText Parse(string json, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var text = root.GetProperty("text").GetString();
            var label = root.GetProperty("label").GetString();
            var language = root.TryGetProperty("lang", out var lang) ? lang.GetString() : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new InvalidDataException($"{where}: empty text");
            }

            if (!TriageClasses.TryParse(label, out var value))
            {
                throw new InvalidDataException($"{where}: label '{label}' is not one of {string.Join(", ", TriageClasses.Names)}");
            }

            return new LabelledText(text, value, language ?? "?");
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{where}: {exception.Message}", exception);
        }
    }
}
