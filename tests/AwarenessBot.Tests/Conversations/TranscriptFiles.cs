using AwarenessBot.Rendering;
using AwarenessBot.Testing.Transcripts;
using AwarenessBot.Tests.DirectLine;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// The engine's transcripts, read where they live (tests/AwarenessBot.Engine.Tests/Transcripts) so there is one copy,
/// and what the Bot Framework edge cannot show of them by design.
/// </summary>
internal static class TranscriptFiles
{
    public static string Directory { get; } = Path.Combine(RepositoryFolders.Root, "tests", "AwarenessBot.Engine.Tests", "Transcripts");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.yaml").Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension)!;

    public static TranscriptDefinition Load(string name) => TranscriptParser.Load(Path.Combine(Directory, name + ".yaml"));

    /// <summary>
    /// Two things are invisible at the edge on purpose, and are tested directly instead (renderer and bot tests):
    /// plain-text channels (SMS) have no buttons, so button values cannot be read back (the numbered list is checked
    /// in the renderer tests); and channels without endOfConversation get no end activity for STOP.
    /// </summary>
    public static TranscriptDefinition ForEdge(TranscriptDefinition transcript) => transcript with
    {
        Turns = transcript.Turns.Select(turn =>
        {
            var channel = ChannelCapabilities.For(turn.Channel);
            var hasButtons = channel.MaxSuggestedActions > 0 || channel.MaxCardButtons > 0;
            return turn with
            {
                Choices = hasButtons ? turn.Choices : null,
                Effects = channel.SupportsEndOfConversation ? turn.Effects : turn.Effects.Where(e => e != "EndConversation").ToList(),
            };
        }).ToList(),
    };
}
