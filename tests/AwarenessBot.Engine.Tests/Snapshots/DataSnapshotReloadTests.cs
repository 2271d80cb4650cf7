using System.Diagnostics;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Content.HotReload;
using AwarenessBot.Content.Repository;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.DependencyInjection;
using AwarenessBot.Engine.Snapshots;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Testing.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwarenessBot.Engine.Tests.Snapshots;

/// <summary>
/// The engine as the host composes it (content repository with hot reload on, engine over one data snapshot), on a
/// private copy of the real data: an intent edit takes effect without a restart, a broken one is refused.
/// </summary>
public sealed class DataSnapshotReloadTests : IAsyncLifetime, IDisposable
{
    // A phrase no intent has: before the edit it is not understood, after it opens the help.
    private const string NewPhrase = "zebra crossing";
    private const string HelpExact = "    exact: [help, info, ";
    private readonly DataFolderCopy _data = new(Paths.Root);
    private ServiceProvider _provider = null!;
    private List<IHostedService> _hosted = [];

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddContentRepository(o =>
            {
                o.SeedsPath = _data.Seeds;
                o.HotReload = true;
                o.ReloadDebounce = TimeSpan.FromMilliseconds(100);
            })
            .AddDialogEngine(_data.Dialogs, _data.Seeds);
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<IDialogEngine>();
        _hosted = [.. _provider.GetServices<IHostedService>()];
        foreach (var service in _hosted) await service.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _hosted) await service.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        _data.Dispose();
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_intent_edit_takes_effect_in_the_running_engine_without_a_restart()
    {
        var engine = _provider.GetRequiredService<IDialogEngine>();
        Assert.DoesNotContain("system_help", Keys(engine, NewPhrase));

        _data.Edit("seeds/intents/en.yaml", HelpExact, HelpExact + NewPhrase + ", ");

        // The watcher notices the save, waits for edits to settle and swaps in the new snapshot; the same engine object
        // (the host's singleton) then routes the new phrase. Polled: the assertion is about the outcome, not the timing.
        var clock = Stopwatch.StartNew();
        while (!Keys(engine, NewPhrase).Contains("system_help") && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
        Assert.Contains("system_help", Keys(engine, NewPhrase));
    }

    [Fact]
    public void A_broken_intent_edit_keeps_the_last_good_snapshot_and_names_the_file()
    {
        var holder = _provider.GetRequiredService<DataSnapshotHolder>();
        var before = holder.Current;
        _data.Edit("seeds/intents/en.yaml", "  menu:\n", "  help:\n    phrases: [a copied block]\n  menu:\n");

        var result = _provider.GetRequiredService<IReloadSource>().Reload();

        Assert.False(result.Swapped);
        Assert.Contains("seeds/intents/en.yaml (1 errors)", result.FilesWithErrors);
        Assert.Same(before, holder.Current);
        Assert.Contains("seeds/intents/en.yaml", _provider.GetRequiredService<IContentHealth>().LastReloadFailure, StringComparison.Ordinal);
        Assert.Contains("system_help", Keys(_provider.GetRequiredService<IDialogEngine>(), "help"));
    }

    [Fact]
    public void A_valid_edit_swaps_content_and_engine_together()
    {
        var holder = _provider.GetRequiredService<DataSnapshotHolder>();
        var before = holder.Current;
        _data.Edit("seeds/intents/en.yaml", HelpExact, HelpExact + NewPhrase + ", ");

        var result = _provider.GetRequiredService<IReloadSource>().Reload();

        Assert.True(result.Swapped, string.Join(", ", result.FilesWithErrors));
        Assert.NotSame(before, holder.Current);
        Assert.Null(_provider.GetRequiredService<IContentHealth>().LastReloadFailure);
        // The host's content repository was handed the same load (its time stamp is the snapshot's).
        Assert.Equal(holder.Current.LoadedAt, _provider.GetRequiredService<IContentHealth>().LoadedAt);
    }

    private static List<string> Keys(IDialogEngine engine, string text)
    {
        var session = new DialogSessionState { Welcomed = true };
        var profile = new UserProfileState { Locale = "en", LocaleChosen = true };
        var result = engine.RunTurn(new TurnInput(TurnKind.Message, text, "webchat", null, null, null, TestEngine.Now), session, profile);
        return [.. result.Replies.Select(r => r.ResponseKey)];
    }
}
