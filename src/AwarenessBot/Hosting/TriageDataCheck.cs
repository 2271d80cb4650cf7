using System.Text.RegularExpressions;
using AwarenessBot.Analysis.Lexicons;
using AwarenessBot.Analysis.Local;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Hosting;

/// <summary>
/// The data pipeline's triage stage (the engine may not reference the analyzers): seeds/triage and the triage model
/// load. The analyzer built at start-up is handed to the container once, so start-up builds it once; the one built by
/// a reload is adopted by the running analyzer when the pipeline accepts that reload (<see cref="TakeLatest"/>).
/// </summary>
internal sealed partial class TriageDataCheck
{
    public const string Rule = "triage";
    private LocalTextAnalyzer? _built;
    private LocalTextAnalyzer? _latest;
    private int _checks;

    public IReadOnlyList<ValidationIssue> Check(string seedsDirectory)
    {
        try
        {
            var analyzer = LocalTextAnalyzer.FromSeeds(seedsDirectory);
            if (Interlocked.Increment(ref _checks) == 1) Volatile.Write(ref _built, analyzer);
            else Volatile.Write(ref _latest, analyzer);
            return analyzer.HasModel ? [] : [ValidationIssue.Error(Rule, "seeds/models", null, null, "the triage model is missing (train-triage)")];
        }
        catch (LexiconValidationException exception)
        {
            return [.. exception.Errors.Select(error => FromText(error, seedsDirectory))];
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or FormatException or YamlDotNet.Core.YamlException)
        {
            return [ValidationIssue.Error(Rule, "seeds/triage", null, null, exception.GetType().Name + ": " + exception.Message)];
        }
    }

    /// <summary>The analyzer the first check built, once (later callers build their own).</summary>
    public LocalTextAnalyzer? TakeBuilt() => Interlocked.Exchange(ref _built, null);

    /// <summary>The analyzer the last check after start-up built, once (null when none was built since).</summary>
    public LocalTextAnalyzer? TakeLatest() => Interlocked.Exchange(ref _latest, null);

    /// <summary>The lexicon loaders say "path:line: message"; the issue keeps file and line apart, relative to the repository.</summary>
    private static ValidationIssue FromText(string error, string seedsDirectory)
    {
        var relative = error.Replace(Path.GetFullPath(seedsDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, "seeds/", StringComparison.Ordinal);
        var match = Located().Match(relative);
        return match.Success
            ? ValidationIssue.Error(Rule, match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), null, match.Groups["message"].Value)
            : ValidationIssue.Error(Rule, "seeds/triage", null, null, relative);
    }

    [GeneratedRegex(@"^(?<file>[^:\s]+):(?<line>\d+): (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex Located();
}
