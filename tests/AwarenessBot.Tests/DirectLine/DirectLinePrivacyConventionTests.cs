using System.Text.RegularExpressions;

namespace AwarenessBot.Tests.DirectLine;

/// <summary>The channel never writes what people type to a log: its log calls may name types and counts, never text.</summary>
public sealed partial class DirectLinePrivacyConventionTests
{
    [Fact]
    public void No_log_call_in_the_channel_mentions_activity_text_or_the_activity_itself()
    {
        var folder = Path.Combine(RepositoryFolders.HostProject, "DirectLine");
        var offenders = Directory.EnumerateFiles(folder, "*.cs")
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
