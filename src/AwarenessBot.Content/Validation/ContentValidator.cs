using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Services;
using AwarenessBot.Content.Validation.Rules;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Validation;

/// <summary>
/// The one validator of seeds/ used at start-up, by the host's <c>validate</c> command, and by the tests over the
/// real folders. Stage one checks each file's shape against seeds/schema/; stage two checks meaning across files.
/// </summary>
public static class ContentValidator
{
    private static readonly ISeedRule[] Rules =
    [
        new ContentIdRule(),
        new LocaleCompletenessRule(),
        new ReviewRule(),
        new PlaceholderRule(),
        new MessageLengthRule(),
        new FactSourceRule(),
        new ReadabilityRule(),
        new VocabularyRule(),
        new ServiceRules(),
    ];

    /// <summary>Validates a seeds folder (the one holding content/, services/, schema/, lexicons/) and returns every issue.</summary>
    public static ValidationReport ValidateFolder(string seedsDirectory) => Load(seedsDirectory, DateTimeOffset.MinValue).Report;

    /// <summary>Loads and validates; the snapshot is null when there is any error.</summary>
    internal static (ValidationReport Report, ContentSnapshot? Snapshot) Load(string seedsDirectory, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(seedsDirectory);
        var issues = new IssueCollector();
        var seeds = SeedsReader.Read(new SeedPaths(seedsDirectory), issues);
        // Rules only read the seeds; they run in parallel (readability and fact checks dominate) and their
        // issues are merged back in rule order, so reports do not depend on timing.
        var ruleIssues = ParallelWork.Map(Rules, rule =>
        {
            var found = new IssueCollector(RuleName(rule));
            rule.Check(seeds, found);
            return found;
        });
        foreach (var found in ruleIssues)
        {
            issues.Append(found);
        }

        var report = issues.ToReport();
        if (!report.IsValid)
        {
            return (report, null);
        }

        // ServiceRules already rejected hours that do not map, so mapping succeeds here.
        var services = seeds.Services.Select(s => new ServiceEntry(
            s.Definition,
            HoursReader.TryRead(s.Definition.Hours, out var hours, out _) ? hours : ServiceHours.AlwaysOpen));
        return (report, new ContentSnapshot(seeds.Items.Select(i => i.Definition), services, loadedAt));
    }

    /// <summary>The rule name issues are filed under: the class name in kebab case ("ContentIdRule" → "content-id").</summary>
    internal static string RuleName(ISeedRule rule)
    {
        var name = rule.GetType().Name;
        name = name.EndsWith("Rules", StringComparison.Ordinal) ? name[..^5] : name.EndsWith("Rule", StringComparison.Ordinal) ? name[..^4] : name;
        return string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }

    /// <summary>Loads and validates; the content is null when there is any error. For a larger snapshot that holds content.</summary>
    public static (ValidationReport Report, LoadedContent? Content) LoadContent(string seedsDirectory, DateTimeOffset loadedAt)
    {
        var (report, snapshot) = Load(seedsDirectory, loadedAt);
        return (report, snapshot is null ? null : new LoadedContent(snapshot));
    }

    /// <summary>Loads and validates, throwing once with every error when the seeds are invalid.</summary>
    internal static ContentSnapshot LoadOrThrow(string seedsDirectory, DateTimeOffset loadedAt)
    {
        var (report, snapshot) = Load(seedsDirectory, loadedAt);
        return snapshot ?? throw new ContentValidationException(report);
    }
}
