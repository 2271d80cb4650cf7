using AwarenessBot.Catalog;
using AwarenessBot.DataFiles;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Understanding;
using YamlDotNet.Core;

namespace AwarenessBot.Engine.Snapshots;

/// <summary>
/// A check the engine cannot make itself (the host adds the triage lexicons and model, which the engine may not
/// reference): it reads the seeds folder and returns its issues. It never throws for bad data.
/// </summary>
public delegate IReadOnlyList<ValidationIssue> DataCheck(string seedsDirectory);

/// <summary>The pipeline's stages other than content and flows (which have their own validators).</summary>
internal static class DataStages
{
    public const string IntentsRule = "intents";

    /// <summary>seeds/catalog.yaml reads cleanly and is the copy this build carries (the code reads the embedded one).</summary>
    public static IEnumerable<ValidationIssue> Catalog(string seeds)
    {
        var path = Path.Combine(seeds, CatalogLoader.FileName);
        var file = "seeds/" + CatalogLoader.FileName;
        if (!File.Exists(path)) return [ValidationIssue.Error(CatalogLoader.Rule, file, null, null, "missing")];
        try
        {
            var text = File.ReadAllText(path);
            if (text.ReplaceLineEndings("\n") == CatalogLoader.EmbeddedText().ReplaceLineEndings("\n"))
            {
                // The text the code reads, under the same name: its checks are the embedded catalog's, parsed once per
                // process for everyone (this stage parsed it a second time, ≈ 5 % of a cold start's CPU).
                _ = BotCatalog.Default;
                return [];
            }

            CatalogLoader.Parse(text, file);
            return [ValidationIssue.Error(CatalogLoader.Rule, file, 1, null, "differs from the catalog this build carries; rebuild so that the code reads it")];
        }
        catch (CatalogException exception)
        {
            return exception.Issues.Count > 0 ? exception.Issues : [ValidationIssue.Error(CatalogLoader.Rule, file, null, null, exception.Message)];
        }
    }

    /// <summary>
    /// seeds/intents: every file through the shared reader (duplicate keys) and its schema, then the loaders the
    /// engine uses (a region the catalog does not know, a broken slot table). What the loaders built comes back for
    /// the flow checks and the engine build to reuse instead of reading the files again.
    /// </summary>
    public static IntentsStage Intents(string seeds)
    {
        var issues = new List<ValidationIssue>();
        var intents = Path.Combine(seeds, "intents");
        if (!Directory.Exists(intents)) return new(issues, null, null, null, null);
        var schemas = new Dictionary<string, SchemaChecker?>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(intents, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var schemaName = name is "regions" or "slots" or "languages" ? name : "intents";
            if (!schemas.TryGetValue(schemaName, out var schema))
            {
                var schemaPath = Path.Combine(seeds, "schema", schemaName + ".schema.json");
                schemas[schemaName] = schema = SchemaChecker.TryFromFile(schemaPath, $"seeds/schema/{schemaName}.schema.json", issues);
            }

            if (YamlReader.TryReadFile(path, $"seeds/intents/{name}.yaml", issues) is { } document) schema?.Check(document, name, issues);
        }

        return issues.Count == 0 ? Loaders(seeds, intents) : new(issues, null, null, null, null);
    }

    /// <summary>
    /// The seeds' message words (normaliser), or null when they do not load: reporting a broken normaliser is the
    /// triage check's work, and the engine's catalog is then built after validation, as before, if at all.
    /// </summary>
    private static MessageWords? EngineWords(string seeds)
    {
        try
        {
            return MessageWords.Load(seeds);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static IntentsStage Loaders(string seeds, string intents)
    {
        try
        {
            // Read once: the engine's catalog (the seeds' normaliser), which also gives the names the fold-only reading
            // gives, for the checks. Without the normaliser, the fold-only reading alone, as before.
            var words = EngineWords(seeds);
            var catalog = IntentCatalog.Load(intents, words);
            var names = catalog.FoldedIntentNames;
            // languages.yaml names intents that count in any language: each must be an intent of the locale files.
            var unknown = catalog.Languages.AnyLanguageIntents.Where(i => !names.Contains(i)).Select(i => ("any_language", i))
                .Concat(catalog.Languages.LanguageRequests.Where(i => !names.Contains(i)).Select(i => ("language_requests", i)))
                .OrderBy(u => u.i, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                return new([.. unknown.Select(u => ValidationIssue.Error(IntentsRule, "seeds/intents/" + IntentLanguages.FileName, null, u.i,
                    $"{u.Item1} names intent '{u.i}', which no seeds/intents/<locale>.yaml has"))], null, null, null, null);
            }
            var regions = RegionCatalog.Load(Path.Combine(intents, "regions.yaml"));
            return new([], names, regions, SlotReader.Load(intents, regions, catalog.Languages.HyphenPrefixes), words is null ? null : catalog);
        }
        catch (Exception ex) when (ex is InvalidDataException or YamlException or InvalidCastException or IOException)
        {
            // The loaders put "path:line: " first; the issue names the folder and keeps their words.
            return new([ValidationIssue.Error(IntentsRule, "seeds/intents", null, null, ex.Message)], null, null, null, null);
        }
    }
}

/// <summary>
/// The intents stage's issues and, when it found none, what its loaders built (null parts otherwise): the names the
/// flow checks know, regions, slots, and the engine's intent catalog (null when the seeds' normaliser did not load).
/// </summary>
internal sealed record IntentsStage(IReadOnlyList<ValidationIssue> Issues, IReadOnlySet<string>? IntentNames, RegionCatalog? Regions, SlotReader? Slots, IntentCatalog? Catalog);
