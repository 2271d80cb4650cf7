using AwarenessBot.Analysis.Local;
using AwarenessBot.Content.HotReload;
using AwarenessBot.Testing.Data;
using AwarenessBot.Tests.DirectLine;
using AwarenessBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Tests.Hosting;

/// <summary>
/// The running host's triage follows an accepted edit of seeds/triage, as its engine follows seeds/intents: the
/// analyzer the middleware uses is the same object before and after, and a broken edit changes nothing.
/// </summary>
public sealed class TriageReloadTests : IDisposable
{
    private const string Probe = "i want to zorblax myself";
    private const string SelfHarmEntry = "  SELF_HARM: [kill myself, ";
    private readonly DataFolderCopy _data = new(RepositoryFolders.Root);

    [Fact]
    public void An_accepted_triage_edit_reaches_the_running_analyzer_and_a_broken_one_does_not()
    {
        using var factory = new BotHostFactory()
            .WithSetting("Content:SeedsPath", _data.Seeds)
            .WithSetting("Content:DialogsPath", _data.Dialogs);
        var analyzer = factory.Services.GetRequiredService<LocalTextAnalyzer>();
        var reload = factory.Services.GetRequiredService<IReloadSource>();
        Assert.DoesNotContain(analyzer.ExplainFrames(Probe), SaysSelfHarm);

        _data.Edit("seeds/triage/concepts/en.yaml", SelfHarmEntry, SelfHarmEntry + "zorblax myself, ");
        Assert.True(reload.Reload().Swapped);
        Assert.Contains(analyzer.ExplainFrames(Probe), SaysSelfHarm);

        // A broken frames file: the reload is refused and the analyzer keeps what it had.
        _data.Edit("seeds/triage/frames.yaml", "frames:\n", "frames:\n  - { id: broken, category: nowhere }\n");
        Assert.False(reload.Reload().Swapped);
        Assert.Contains(analyzer.ExplainFrames(Probe), SaysSelfHarm);
    }

    public void Dispose() => _data.Dispose();

    private static bool SaysSelfHarm(string line) => line.TrimStart().StartsWith("SELF_HARM ", StringComparison.Ordinal);
}
