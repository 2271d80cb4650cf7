using AwarenessBot.Analysis.Lexicons;
using AwarenessBot.DataFiles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AwarenessBot.Analysis.Normalization;

/// <summary>
/// Reads <c>seeds/triage/normalization.yaml</c> into <see cref="NormalizationRules"/>: <c>leet</c> (one character →
/// one letter), <c>emoji</c> (emoji → words), <c>slang</c> (<c>{locale: {key: [words]}}</c>, merged across locales
/// because people mix languages; a key defined twice is an error naming both places).
/// </summary>
public static class NormalizationRulesLoader
{
    public const string RelativePath = "triage/normalization.yaml";

    /// <exception cref="LexiconValidationException">With every problem found, each naming the file and the entry.</exception>
    public static NormalizationRules Load(string seedsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedsDirectory);
        var path = Path.Combine(seedsDirectory, RelativePath);
        if (!File.Exists(path))
        {
            throw new LexiconValidationException($"{path}: file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The word a listed place name becomes.</summary>
    public const string PlaceWord = "placename";

    /// <summary>Parses the YAML text; <paramref name="source"/> names it in errors.</summary>
    public static NormalizationRules Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<string>();
        var root = ReadRoot(yaml, source, errors);
        var leet = new Dictionary<char, char>();
        var emoji = new Dictionary<string, string>(StringComparer.Ordinal);
        var slang = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var slangLocale = new Dictionary<string, string>(StringComparer.Ordinal);
        var longest = 1;

        foreach (var (key, value) in Pairs(Child(root, "leet"), source, "leet", errors))
        {
            var to = Scalar(value);
            if (key.Length != 1 || to is not { Length: 1 })
            {
                errors.Add($"{source}: leet '{key}': key and value must be single characters");
                continue;
            }

            leet[key[0]] = to[0];
        }

        foreach (var (key, value) in Pairs(Child(root, "emoji"), source, "emoji", errors))
        {
            var words = Scalar(value);
            if (string.IsNullOrWhiteSpace(words))
            {
                errors.Add($"{source}: emoji '{key}': needs the words it stands for");
                continue;
            }

            emoji[key.Replace("\uFE0F", "", StringComparison.Ordinal)] = words.Trim(); // the emoji-style selector is not part of the meaning
        }

        foreach (var (locale, table) in Pairs(Child(root, "slang"), source, "slang", errors))
        {
            foreach (var (key, value) in Pairs(table, source, $"slang.{locale}", errors))
            {
                if (value is not YamlSequenceNode sequence || sequence.Children.Count == 0 || sequence.Children.Any(c => string.IsNullOrWhiteSpace(Scalar(c))))
                {
                    errors.Add($"{source}: slang.{locale} '{key}': value must be a non-empty list of words");
                    continue;
                }

                if (slangLocale.TryGetValue(key, out var first))
                {
                    errors.Add($"{source}: slang.{locale} '{key}': already defined in slang.{first} (the tables are merged)");
                    continue;
                }

                slangLocale[key] = locale;
                slang[key] = [.. sequence.Children.Select(c => Scalar(c)!.Trim())];
                longest = Math.Max(longest, key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            }
        }

        // Place names that hold a risky word ("High River", "Yellowknife", "Slave Lake") are read as one neutral word,
        // so a person answering where they are is not heard as talking about a river, a knife or slavery.
        if (Child(root, "places") is YamlSequenceNode places)
        {
            foreach (var place in places.Children.Select(Scalar))
            {
                if (string.IsNullOrWhiteSpace(place) || slang.ContainsKey(place))
                {
                    errors.Add($"{source}: places '{place}': empty or already a slang key");
                    continue;
                }

                slang[place] = [PlaceWord];
                longest = Math.Max(longest, place.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        if (Child(root, "names_in_capitals") is YamlSequenceNode nameNodes)
        {
            foreach (var name in nameNodes.Children.Select(Scalar))
            {
                if (name is null || !slang.ContainsKey(name) || name.Contains(' ', StringComparison.Ordinal))
                {
                    errors.Add($"{source}: names_in_capitals '{name}': must be a one-word slang key");
                    continue;
                }

                names.Add(name);
            }
        }

        if (errors.Count > 0)
        {
            throw new LexiconValidationException(errors);
        }

        return new NormalizationRules(leet, emoji, slang, longest, names);
    }

    private static YamlMappingNode? ReadRoot(string yaml, string source, List<string> errors)
    {
        try
        {
            // The shared data-file reader: the same scalars, duplicate keys and line numbers as every other file.
            if (YamlReader.Read(source, yaml).Yaml is YamlMappingNode mapping)
            {
                return mapping;
            }

            errors.Add($"{source}: expected a mapping with leet, emoji and slang");
        }
        catch (YamlException exception)
        {
            // Includes a key written twice in one mapping.
            errors.Add($"{source}:{exception.Start.Line}: {exception.Message}");
        }

        return null;
    }

    private static YamlNode? Child(YamlMappingNode? mapping, string key) =>
        mapping is not null && mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static IEnumerable<(string Key, YamlNode Value)> Pairs(YamlNode? node, string source, string section, List<string> errors)
    {
        if (node is null)
        {
            yield break;
        }

        if (node is not YamlMappingNode mapping)
        {
            errors.Add($"{source}:{node.Start.Line}: {section} must be a mapping");
            yield break;
        }

        foreach (var pair in mapping.Children)
        {
            yield return (Scalar(pair.Key) ?? string.Empty, pair.Value);
        }
    }

    private static string? Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;
}
