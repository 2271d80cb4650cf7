using AwarenessBot.Storage.ClassResults;
using AwarenessBot.Storage.Tests.Support;

namespace AwarenessBot.Storage.Tests.ClassResults;

/// <summary>Issue 15: per-code quiz counts, suppressed below 5, gone a day after the code was made — on every provider.</summary>
public abstract class ClassResultsStoreTests : IAsyncLifetime
{
    private StorageBackend _backend = null!;
    private IClassResultsStore _store = null!;

    public Task InitializeAsync()
    {
        _backend = CreateBackend();
        _store = _backend.CreateClassResultsStore();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [DbFact]
    public async Task A_new_code_is_short_unambiguous_live_and_expires_after_a_day()
    {
        var issued = await _store.CreateAsync("13-15", CancellationToken.None);

        Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", issued.Code);
        Assert.Equal(_backend.Time.GetUtcNow().AddDays(1), issued.ExpiresAt);
        Assert.True(await _store.IsLiveAsync(issued.Code, CancellationToken.None));
        Assert.False(await _store.IsLiveAsync("ZZZZZZZZ", CancellationToken.None));
    }

    [DbFact]
    public async Task Answers_are_counted_per_question_and_choice_and_shown_only_from_five()
    {
        var code = (await _store.CreateAsync("13-15", CancellationToken.None)).Code;
        await Answer(code, "what_is_it", "2", times: 5);
        await Answer(code, "what_is_it", "1", times: 4);
        await Answer(code, "myths", "10", times: 6);
        await Answer(code, "myths", "3", times: 1);

        var tally = await _store.ReadAsync(code, CancellationToken.None);

        Assert.NotNull(tally);
        Assert.Equal("13-15", tally.AgeBand);
        Assert.Equal(
            ["myths/3:<5", "myths/10:6", "what_is_it/1:<5", "what_is_it/2:5"],
            tally.Counts.Select(c => $"{c.Question}/{c.Choice}:{c.Count}"));
        Assert.Null(tally.Counts[0].Count.Value);
    }

    [DbFact]
    public async Task Another_code_sees_nothing_of_this_one()
    {
        var mine = (await _store.CreateAsync("13-15", CancellationToken.None)).Code;
        var theirs = (await _store.CreateAsync("13-15", CancellationToken.None)).Code;
        await Answer(mine, "what_is_it", "1", times: 5);

        Assert.Empty((await _store.ReadAsync(theirs, CancellationToken.None))!.Counts);
    }

    [DbFact]
    public async Task Unknown_codes_and_text_like_keys_count_nothing()
    {
        var code = (await _store.CreateAsync("13-15", CancellationToken.None)).Code;

        Assert.False(await _store.CountAsync("ZZZZZZZZ", "what_is_it", "1", CancellationToken.None));
        Assert.False(await _store.CountAsync(code, "I think it is answer one", "1", CancellationToken.None));
        Assert.False(await _store.CountAsync(code, "what_is_it", "yes", CancellationToken.None));
        Assert.Null(await _store.ReadAsync("ZZZZZZZZ", CancellationToken.None));
        Assert.Empty((await _store.ReadAsync(code, CancellationToken.None))!.Counts);
    }

    [DbFact]
    public async Task After_a_day_the_code_is_refused_on_read_and_count_and_swept_with_its_counts()
    {
        var code = (await _store.CreateAsync("13-15", CancellationToken.None)).Code;
        await Answer(code, "what_is_it", "1", times: 5);
        var other = (await _store.CreateAsync("13-15", CancellationToken.None)).Code;

        _backend.Time.Advance(TimeSpan.FromDays(1));

        Assert.False(await _store.IsLiveAsync(code, CancellationToken.None));
        Assert.Null(await _store.ReadAsync(code, CancellationToken.None));
        Assert.False(await _store.CountAsync(code, "what_is_it", "1", CancellationToken.None));
        Assert.Equal(2, await _store.DeleteExpiredAsync(CancellationToken.None));
        Assert.Equal(0, await _store.DeleteExpiredAsync(CancellationToken.None));
        if (_backend.IsSql)
        {
            Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_counts}"));
            Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_codes}"));
        }

        Assert.False(await _store.IsLiveAsync(other, CancellationToken.None));
    }

    [DbFact]
    public async Task Codes_are_read_case_insensitively_and_other_text_is_not_a_code()
    {
        var code = (await _store.CreateAsync("13-15", CancellationToken.None)).Code;

        Assert.Equal(code, ClassCode.Normalize(code.ToLowerInvariant()));
        Assert.Null(ClassCode.Normalize("ABCDEFG0"));
        Assert.Null(ClassCode.Normalize("ABCDEFGHJ"));
        Assert.Null(ClassCode.Normalize(""));
        Assert.Null(ClassCode.Normalize(null));
    }

    protected abstract StorageBackend CreateBackend();

    private async Task Answer(string code, string question, string choice, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(await _store.CountAsync(code, question, choice, CancellationToken.None));
        }
    }
}

public sealed class MemoryClassResultsStoreTests : ClassResultsStoreTests
{
    protected override StorageBackend CreateBackend() => new MemoryBackend();
}

public sealed class SqliteClassResultsStoreTests : ClassResultsStoreTests
{
    protected override StorageBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresClassResultsStoreTests : ClassResultsStoreTests
{
    protected override StorageBackend CreateBackend() => new PostgresBackend();
}
