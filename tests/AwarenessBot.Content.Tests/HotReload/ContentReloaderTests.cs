using AwarenessBot.Content.HotReload;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Validation;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwarenessBot.Content.Tests.HotReload;

public sealed class ContentReloaderTests : IDisposable
{
    private const string ItemPath = "content/online-safety/fixture_sextortion_steps.yaml";
    private readonly SeedsFolder _seeds = SeedsFolder.CreateValid();
    private readonly ContentSnapshotHolder _holder;
    private readonly ContentRepository _repository;
    private readonly ContentReloader _reloader;

    public ContentReloaderTests()
    {
        _holder = new ContentSnapshotHolder(ContentValidator.LoadOrThrow(_seeds.Path, DateTimeOffset.UnixEpoch));
        _repository = new ContentRepository(_holder);
        _reloader = new ContentReloader(_seeds.Path, _holder, TimeProvider.System, NullLogger.Instance, TimeSpan.FromMilliseconds(100));
    }

    public void Dispose()
    {
        _reloader.Dispose();
        _seeds.Dispose();
    }

    [Fact]
    public void Broken_edit_keeps_the_last_good_snapshot_and_says_which_file()
    {
        var before = _holder.Current;
        _seeds.Write(ItemPath, _seeds.Read(ItemPath).Replace("answer: 1", "answer: 7", StringComparison.Ordinal));

        var result = _reloader.TryReload();

        Assert.False(result.Swapped);
        Assert.Contains(result.FilesWithErrors, f => f.StartsWith("seeds/content/online-safety/fixture_sextortion_steps.yaml (", StringComparison.Ordinal));
        Assert.Same(before, _holder.Current);
        Assert.Equal(1, _repository.Find("fixture_sextortion_steps", "en", "13-15")!.Quiz!.AnswerIndex);
        Assert.Contains("fixture_sextortion_steps.yaml", _holder.LastReloadFailure, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_edit_is_swapped_in()
    {
        _seeds.Write(ItemPath, _seeds.Read(ItemPath).Replace("it is not your fault.", "it is never your fault.", StringComparison.Ordinal));

        var result = _reloader.TryReload();

        Assert.True(result.Swapped);
        Assert.Null(_holder.LastReloadFailure);
        Assert.EndsWith("it is never your fault.", _repository.Find("fixture_sextortion_steps", "en", "13-15")!.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_view_read_before_a_reload_is_not_served_after_it()
    {
        Assert.EndsWith("it is not your fault.", _repository.Find("fixture_sextortion_steps", "en", "13-15")!.Messages[0], StringComparison.Ordinal);
        _seeds.Write(ItemPath, _seeds.Read(ItemPath).Replace("it is not your fault.", "it is never your fault.", StringComparison.Ordinal));

        Assert.True(_reloader.TryReload().Swapped);

        Assert.EndsWith("it is never your fault.", _repository.Find("fixture_sextortion_steps", "en", "13-15")!.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watcher_reloads_after_a_file_changes_and_rejects_a_broken_one()
    {
        var attempts = new List<ReloadResult>();
        var firstAttempt = new TaskCompletionSource<ReloadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _reloader.Reloaded += r =>
        {
            lock (attempts)
            {
                attempts.Add(r);
            }

            firstAttempt.TrySetResult(r);
        };
        _reloader.Start();

        _seeds.Write(ItemPath, "# yaml-language-server: $schema=../../schema/content-item.schema.json\nid: [broken\n");

        // Waits for the debounced reload to happen; the assertion is about its outcome, not its timing.
        var result = await firstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(result.Swapped);
        Assert.NotNull(_repository.Find("fixture_sextortion_steps", "en", "13-15"));
    }
}
