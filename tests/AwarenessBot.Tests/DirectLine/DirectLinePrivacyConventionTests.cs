using System.Text.RegularExpressions;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>The channel (and its stores) never writes what people type to a log: log calls may name types and counts, never text.</summary>
public sealed partial class DirectLinePrivacyConventionTests
{
    [Fact]
    public void No_log_call_in_the_channel_mentions_activity_text_or_the_activity_itself()
    {
        var folder = Path.Combine(RepositoryFolders.HostProject, "DirectLine");

        // The channel's stores (memory and PostgreSQL) live in the storage project; the same rule holds there.
        var storage = Path.Combine(RepositoryFolders.HostProject, "..", "AwarenessBot.Storage");
        var files = Directory.EnumerateFiles(folder, "*.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(storage, "WebChannel"), "*.cs"))
            .Concat(Directory.EnumerateFiles(Path.Combine(storage, "Postgres"), "PostgresWebChannel*.cs"))
            .ToList();
        Assert.Contains(files, file => file.EndsWith("PostgresWebChannelListener.cs", StringComparison.Ordinal));
        var offenders = files
            .SelectMany(file => LogCall().Matches(File.ReadAllText(file)).Select(match => (File: Path.GetFileName(file), Call: match.Value)))
            .Where(found => found.Call.Contains(".Text", StringComparison.Ordinal) || ActivityArgument().IsMatch(found.Call))
            .Select(found => $"{found.File}: {found.Call}")
            .ToList();

        Assert.True(Directory.EnumerateFiles(folder, "*.cs").Any(), "The channel's source folder was not found.");
        Assert.True(offenders.Count == 0, "Log only ids, types and counts (never message text):\n" + string.Join('\n', offenders));
    }

    [GeneratedRegex(@"\.Log(Trace|Debug|Information|Warning|Error|Critical)\([^;]*;", RegexOptions.Singleline)]
    private static partial Regex LogCall();

    // Passing a whole activity (or its channel data) would put the text into structured logs.
    [GeneratedRegex(@",\s*(activity|reply|ChannelData)\s*[,)]")]
    private static partial Regex ActivityArgument();
}
