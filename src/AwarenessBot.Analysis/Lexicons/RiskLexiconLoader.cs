using System.Text.Json;
using System.Text.Json.Nodes;
using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Normalization;
using AwarenessBot.Analysis.Patterns;
using AwarenessBot.Analysis.Risk;
using YamlDotNet.Core;

namespace AwarenessBot.Analysis.Lexicons;

/// <summary>
/// Loads <c>lexicons/risk/*.yaml</c>: schema first (shape), then meaning (ids, patterns), collecting every error and
/// failing once with all of them.
/// </summary>
internal static class RiskLexiconLoader
{
    public const string SchemaFile = "schema/risk-lexicon.schema.json";
    public const string RiskFolder = "lexicons/risk";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static RiskLexiconSet Load(string seedsDirectory)
    {
        var errors = new List<string>();
        var folder = Path.Combine(seedsDirectory, RiskFolder);
        var schemaPath = Path.Combine(seedsDirectory, SchemaFile);
        if (!File.Exists(schemaPath) || !Directory.Exists(folder))
        {
            throw new LexiconValidationException([$"{SchemaFile} or {RiskFolder}/ is missing under '{seedsDirectory}'"]);
        }

        var schema = SchemaValidation.LoadSchema(schemaPath);
        var definitions = new List<(string File, RiskLexiconDefinition Definition)>();
        foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var label = $"{RiskFolder}/{Path.GetFileName(path)}";
            var definition = ReadFile(path, label, schema, errors);
            if (definition is not null)
            {
                definitions.Add((label, definition));
            }
        }

        if (!definitions.Any(d => d.Definition.Locale == "en"))
        {
            errors.Add($"{RiskFolder}/en.yaml is required (English negation cues apply to every language)");
        }

        var english = definitions.FirstOrDefault(d => d.Definition.Locale == "en").Definition;
        var englishNegations = english?.NegationCues.SelectMany(TextNormalizer.Words).ToArray() ?? [];
        var seenIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var lexicons = definitions.Select(d => Compile(d.File, d.Definition, englishNegations, seenIds, errors)).ToList();
        if (errors.Count > 0)
        {
            throw new LexiconValidationException(errors);
        }

        return new RiskLexiconSet(lexicons, definitions.SelectMany(d => d.Definition.ClauseBreaks).SelectMany(TextNormalizer.Words));
    }

    private static RiskLexiconDefinition? ReadFile(string path, string label, Json.Schema.JsonSchema schema, List<string> errors)
    {
        JsonNode? node;
        try
        {
            node = YamlJson.Read(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            errors.Add($"{label}: line {ex.Start.Line}: {ex.Message}");
            return null;
        }

        var schemaErrors = SchemaValidation.Validate(schema, node, label).ToList();
        errors.AddRange(schemaErrors);
        if (schemaErrors.Count > 0 || node is null)
        {
            return null;
        }

        var definition = node.Deserialize<RiskLexiconDefinition>(Json)!;
        var expected = Path.GetFileNameWithoutExtension(path);
        if (definition.Locale != expected)
        {
            errors.Add($"{label}: locale '{definition.Locale}' does not match the file name '{expected}'");
        }

        return definition;
    }

    private static CompiledLexicon Compile(
        string file, RiskLexiconDefinition definition, string[] englishNegations, Dictionary<string, string> seenIds, List<string> errors)
    {
        var rules = new List<CompiledRule>();
        var patterns = new List<IndexedPattern>();
        foreach (var rule in definition.Rules)
        {
            CheckId(file, rule.Id, definition.Locale, seenIds, errors);
            var compiled = new CompiledRule(rule.Id, ParseCategory(rule.Category), rule.Severity == "high" ? RiskSeverity.High : RiskSeverity.Medium);
            patterns.AddRange(CompilePatterns(file, rule.Id, rule.Patterns, compiled, errors));
            rules.Add(compiled);
        }

        foreach (var figurative in definition.Figurative)
        {
            CheckId(file, figurative.Id, definition.Locale, seenIds, errors);
            patterns.AddRange(CompilePatterns(file, figurative.Id, figurative.Patterns, rule: null, errors));
        }

        var spelling = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in definition.Spelling)
        {
            var fromWords = TextNormalizer.Words(from);
            var toWords = TextNormalizer.Words(to);
            if (fromWords.Length != 1 || toWords.Length != 1)
            {
                errors.Add($"{file}: spelling '{from}: {to}' must map one word to one word");
                continue;
            }

            spelling[fromWords[0]] = toWords[0];
        }

        var negations = definition.NegationCues.SelectMany(TextNormalizer.Words).Concat(englishNegations);
        return new CompiledLexicon(definition.Locale, rules, patterns, spelling, negations, [.. definition.ElisionPrefixes]);
    }

    private static IEnumerable<IndexedPattern> CompilePatterns(
        string file, string id, List<string> sources, CompiledRule? rule, List<string> errors)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            var pattern = PatternParser.Parse(sources[i], out var error);
            if (error is not null)
            {
                errors.Add($"{file}: entry '{id}' pattern {i + 1} \"{sources[i]}\": {error}");
                continue;
            }

            yield return new IndexedPattern(pattern, id, rule);
        }
    }

    private static void CheckId(string file, string id, string locale, Dictionary<string, string> seenIds, List<string> errors)
    {
        if (!id.StartsWith(locale + ".", StringComparison.Ordinal))
        {
            errors.Add($"{file}: entry '{id}': id must start with '{locale}.'");
        }

        if (!seenIds.TryAdd(id, file))
        {
            errors.Add($"{file}: entry '{id}': duplicate id (first defined in {seenIds[id]})");
        }
    }

    private static RiskCategory ParseCategory(string wireName) => wireName switch
    {
        "immediate_danger" => RiskCategory.ImmediateDanger,
        "self_harm" => RiskCategory.SelfHarm,
        "child_sexual_exploitation" => RiskCategory.ChildSexualExploitation,
        _ => RiskCategory.LabourExploitation,
    };
}
