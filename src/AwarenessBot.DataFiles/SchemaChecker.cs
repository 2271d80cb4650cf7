using System.Text.Json;
using Json.Schema;

namespace AwarenessBot.DataFiles;

/// <summary>
/// The one JSON Schema (draft 2020-12) check of the data files. Each failing keyword on a failing path becomes one
/// issue (rule "schema") with the line of the offending node; summaries that only repeat their branches are dropped.
/// Passes are remembered by content (<see cref="SchemaResultCache"/>), so unchanged files are not evaluated again.
/// </summary>
public sealed class SchemaChecker
{
    /// <summary>The rule name of every schema issue.</summary>
    public const string Rule = "schema";

    // JsonSchema.Net's types are only named inside Compiled: the first use of any of them runs the library's module
    // initializer (≈ 0.1 s of CPU on a cold start, building its meta-schemas, under a lock every data stage waited
    // on), and a start over unchanged files evaluates nothing, so it should not pay for that.
    private readonly Lazy<Compiled> _schema;
    private readonly string _schemaKey;
    private readonly SchemaResultCache _passed;
    private int _evaluations;

    private SchemaChecker(string schemaJson, SchemaResultCache passed)
    {
        _passed = passed;
        _schemaKey = SchemaResultCache.SchemaKey(schemaJson);
        // A schema that built before is built only when a document needs evaluating; a new one is built now, so a
        // schema that cannot be built is reported where it is loaded.
        _schema = new Lazy<Compiled>(() => new Compiled(schemaJson));
        if (!passed.Contains(_schemaKey))
        {
            _ = _schema.Value;
            passed.Add(_schemaKey);
        }
    }

    /// <summary>Documents evaluated against the schema (not answered from the cache of passes).</summary>
    internal int Evaluations => Volatile.Read(ref _evaluations);

    /// <exception cref="JsonException">The text is not JSON.</exception>
    /// <exception cref="InvalidOperationException">The JSON is not a schema that can be built.</exception>
    public static SchemaChecker FromText(string schemaJson) => new(schemaJson, SchemaResultCache.Shared);

    internal static SchemaChecker FromText(string schemaJson, SchemaResultCache passed) => new(schemaJson, passed);

    /// <summary>Builds a schema from a file; a missing or unbuildable schema gives null and its issue.</summary>
    public static SchemaChecker? TryFromFile(string path, string file, ICollection<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (!File.Exists(path))
        {
            issues.Add(ValidationIssue.Error(Rule, file, null, null, "the schema file is missing"));
            return null;
        }

        try
        {
            return FromText(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            issues.Add(ValidationIssue.Error(Rule, file, null, null, "the schema cannot be built: " + ex.Message));
            return null;
        }
    }

    /// <summary>True when the document has the right shape; otherwise adds one error per failing keyword.</summary>
    /// <param name="subject">What the issues name (a content id, a flow id).</param>
    /// <param name="subjectAt">A finer subject for a failing pointer (a flow's step), when there is one.</param>
    public bool Check(DataDocument document, string? subject, ICollection<ValidationIssue> issues, Func<string, string?>? subjectAt = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(issues);
        var json = document.Json?.ToJsonString() ?? "null";
        var passedKey = SchemaResultCache.PassedKey(_schemaKey, json);
        if (_passed.Contains(passedKey))
        {
            return true;
        }

        Interlocked.Increment(ref _evaluations);
        if (_schema.Value.Check(json, document, subject, issues, subjectAt))
        {
            _passed.Add(passedKey);
            return true;
        }

        return false;
    }

    /// <summary>The built schema and everything that names JsonSchema.Net's types (see the fields above).</summary>
    private sealed class Compiled(string schemaJson)
    {
        // Most files are valid: a flag-only pass is much cheaper; the detailed tree is built only for invalid files.
        private static readonly EvaluationOptions Quick = new() { OutputFormat = OutputFormat.Flag };
        private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.Hierarchical };

        // A private registry per build: the same $id is built again on reloads, in the CLI and in parallel tests.
        private readonly JsonSchema _schema = JsonSchema.FromText(schemaJson, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

        public bool Check(string json, DataDocument document, string? subject, ICollection<ValidationIssue> issues, Func<string, string?>? subjectAt)
        {
            using var parsed = JsonDocument.Parse(json);
            var element = parsed.RootElement;
            if (_schema.Evaluate(element, Quick).IsValid)
            {
                return true;
            }

            var found = new List<(string Pointer, string Keyword, string Message)>();
            CollectFailures(_schema.Evaluate(element, Detailed), found);
            // oneOf/allOf/if repeat what their branches said: keep the specific messages when there are any.
            var specific = found.Where(f => f.Keyword is not ("oneOf" or "anyOf" or "allOf" or "$ref" or "if" or "then" or "else" or "not")).ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (pointer, _, message) in specific.Count > 0 ? specific : found)
            {
                if (seen.Add(pointer + "\n" + message))
                {
                    var where = pointer.Length == 0 ? "(root)" : pointer;
                    issues.Add(ValidationIssue.Error(Rule, document.File, document.LineOf(pointer), subjectAt?.Invoke(pointer) ?? subject, $"{where}: {message}"));
                }
            }

            if (seen.Count == 0)
            {
                issues.Add(ValidationIssue.Error(Rule, document.File, document.LineOf(string.Empty), subject, "the file does not match its schema"));
            }

            return false;
        }

        /// <summary>
        /// Only failures on a failing path: a failed "if", "not" or oneOf branch under a passing parent is no error, and a
        /// failed "if" is never one (its "else" says what is wrong).
        /// </summary>
        private static void CollectFailures(EvaluationResults node, List<(string Pointer, string Keyword, string Message)> found)
        {
            if (node.IsValid)
            {
                return;
            }

            foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            {
                found.Add((node.InstanceLocation.ToString(), keyword, message));
            }

            // An "if" that does not hold only picks "else": it is never itself the error.
            foreach (var child in (node.Details ?? []).Where(c => !IsCondition(c.EvaluationPath.ToString())))
            {
                CollectFailures(child, found);
            }
        }

        /// <summary>True for the "if" keyword, not for a property named "if" (".../properties/if", as in flow steps).</summary>
        private static bool IsCondition(string evaluationPath)
        {
            var segments = evaluationPath.Split('/');
            return segments[^1] == "if" && (segments.Length < 2 || segments[^2] != "properties" || (segments.Length > 2 && segments[^3] == "properties"));
        }
    }
}
