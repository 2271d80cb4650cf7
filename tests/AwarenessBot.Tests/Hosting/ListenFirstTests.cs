using AwarenessBot.Engine.Validation;
using AwarenessBot.Testing.Data;
using AwarenessBot.Tests.DirectLine;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Hosting;

/// <summary>
/// The host listens before the data loads (ListenFirst), and the load runs in the hosted services' StartedAsync:
/// data that does not validate must still stop the host at start, with the error named, not leave it serving.
/// </summary>
public sealed class ListenFirstTests : IDisposable
{
    private readonly DataFolderCopy _data = new(RepositoryFolders.Root);

    [Fact]
    public void Data_that_does_not_validate_still_stops_the_host_at_start()
    {
        // An unclosed list at the end of an intents file: a YAML error the pipeline reports with file and line.
        File.AppendAllText(Path.Combine(_data.Seeds, "intents", "en.yaml"), "\n  broken: [unclosed\n");
        using var factory = new BotHostFactory()
            .WithSetting("Content:SeedsPath", _data.Seeds)
            .WithSetting("Content:DialogsPath", _data.Dialogs);

        var error = Assert.Throws<FlowValidationException>(() => factory.CreateClient());

        Assert.Contains("seeds/intents/en.yaml", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();
}
