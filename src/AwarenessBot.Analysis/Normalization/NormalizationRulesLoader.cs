using AwarenessBot.Analysis.Lexicons;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Analysis.Normalization;

/// <summary>Reads <c>seeds/triage/normalization.yaml</c> into <see cref="NormalizationRules"/>.</summary>
public static class NormalizationRulesLoader
{
    public const string RelativePath = "triage/normalization.yaml";

    public static NormalizationRules Load(string seedsDirectory)
    {
        var path = Path.Combine(seedsDirectory, RelativePath);
        var root = TriageYaml.LoadMapping(path);
        var errors = new List<string>();

        var leet = new Dictionary<char, char>();
        foreach (var (key, value) in TriageYaml.Pairs(root, "leet"))
        {
            if (key.Length != 1 || value.Length != 1)
            {
                errors.Add($"{RelativePath}: leet '{key}' → '{value}' must map one character to one letter");
                continue;
            }

            leet[key[0]] = value[0];
        }

        var emoji = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in TriageYaml.Pairs(root, "emoji"))
        {
            emoji[key.Replace("\uFE0F", "", StringComparison.Ordinal)] = value;
        }

        var slang = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var longest = 1;
        if (TriageYaml.Child(root, "slang") is YamlMappingNode locales)
        {
            foreach (var (localeNode, table) in locales.Children)
            {
                var locale = ((YamlScalarNode)localeNode).Value ?? "";
                if (table is not YamlMappingNode entries)
                {
                    continue;
                }

                foreach (var (keyNode, valueNode) in entries.Children)
                {
                    var key = ((YamlScalarNode)keyNode).Value ?? "";
                    var words = valueNode is YamlSequenceNode seq ? [.. seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "")] : new[] { ((YamlScalarNode)valueNode).Value ?? "" };
                    if (owner.TryGetValue(key, out var first))
                    {
                        errors.Add($"{RelativePath}: slang key '{key}' is in both {first} and {locale} (the tables are merged: people mix languages)");
                        continue;
                    }

                    owner[key] = locale;
                    slang[key] = words;
                    longest = Math.Max(longest, key.Split(' ').Length);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new LexiconValidationException(errors);
        }

        return new NormalizationRules(leet, emoji, slang, longest);
    }
}
