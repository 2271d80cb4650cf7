using AwarenessBot.Storage.ClassResults;
using AwarenessBot.Storage.Tests.Support;

namespace AwarenessBot.Storage.Tests.ClassResults;

/// <summary>
/// Issue 15: per-code quiz counts, suppressed below 5, read only with the teacher's results key, one answer per
/// question per conversation, gone a day after the code was made — on every provider.
/// </summary>
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
    public async Task A_new_code_is_short_unambiguous_live_comes_with_a_long_key_and_expires_after_a_day()
    {
        var issued = await _store.CreateAsync("13-15", CancellationToken.None);

        Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", issued.Code);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", issued.ResultsKey);
        Assert.NotEqual(issued.ResultsKey, (await _store.CreateAsync("13-15", CancellationToken.None)).ResultsKey);
        Assert.Equal(_backend.Time.GetUtcNow().AddDays(1), issued.ExpiresAt);
        Assert.True(await _store.IsLiveAsync(issued.Code, CancellationToken.None));
        Assert.False(await _store.IsLiveAsync("ZZZZZZZZ", CancellationToken.None));
    }

    [DbFact]
    public async Task Answers_are_counted_per_question_and_choice_and_shown_only_from_five()
    {
        var issued = await _store.CreateAsync("13-15", CancellationToken.None);
        var code = issued.Code;
        await Answer(code, "what_is_it", "2", times: 5);
        await Answer(code, "what_is_it", "1", times: 4);
        await Answer(code, "myths", "10", times: 6);
        await Answer(code, "myths", "3", times: 1);

        var tally = await ReadAsync(issued);

        Assert.Equal("13-15", tally.AgeBand);
        Assert.Equal(
            ["myths/3:<5", "myths/10:6", "what_is_it/1:<5", "what_is_it/2:5"],
            tally.Counts.Select(c => $"{c.Question}/{c.Choice}:{c.Count}"));
        Assert.Null(tally.Counts[0].Count.Value);
    }

    [DbFact]
    public async Task The_code_alone_reads_nothing_only_the_key_issued_with_it_does()
    {
        var mine = await _store.CreateAsync("13-15", CancellationToken.None);
        var theirs = await _store.CreateAsync("13-15", CancellationToken.None);
        await Answer(mine.Code, "what_is_it", "1", times: 5);

        Assert.Equal(ClassResultsAccess.WrongKey, (await _store.ReadAsync(mine.Code, theirs.ResultsKey, CancellationToken.None)).Access);
        Assert.Equal(ClassResultsAccess.WrongKey, (await _store.ReadAsync(mine.Code, mine.Code, CancellationToken.None)).Access);
        Assert.Equal(ClassResultsAccess.WrongKey, (await _store.ReadAsync(mine.Code, "", CancellationToken.None)).Access);
        Assert.Equal(ClassResultsAccess.WrongKey, (await _store.ReadAsync(mine.Code, mine.ResultsKey[..^1] + (mine.ResultsKey[^1] == 'A' ? "E" : "A"), CancellationToken.None)).Access);
        Assert.Equal(ClassResultsAccess.WrongKey, (await _store.ReadAsync(mine.Code, mine.ResultsKey + "A", CancellationToken.None)).Access);
        Assert.Null((await _store.ReadAsync(mine.Code, theirs.ResultsKey, CancellationToken.None)).Tally);
        Assert.Equal(ClassResultsAccess.UnknownCode, (await _store.ReadAsync("ZZZZZZZZ", mine.ResultsKey, CancellationToken.None)).Access);
        Assert.Single((await ReadAsync(mine)).Counts);
    }

    [DbFact]
    public async Task The_key_is_not_stored_only_its_hash()
    {
        var issued = await _store.CreateAsync("13-15", CancellationToken.None);
        if (!_backend.IsSql)
        {
            return;
        }

        Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_codes} WHERE key_hash = @key", ("key", issued.ResultsKey)));
        Assert.Equal(1, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_codes} WHERE key_hash = @hash", ("hash", ClassResultsKey.Hash(issued.ResultsKey))));
    }

    [DbFact]
    public async Task One_conversation_counts_once_per_question_whatever_it_answers_again()
    {
        var issued = await _store.CreateAsync("13-15", CancellationToken.None);
        const string Student = "0123456789abcdef0123456789abcdef";

        Assert.True(await _store.CountAsync(issued.Code, "what_is_it", "2", Student, CancellationToken.None));
        Assert.False(await _store.CountAsync(issued.Code, "what_is_it", "2", Student, CancellationToken.None));
        Assert.False(await _store.CountAsync(issued.Code, "what_is_it", "1", Student, CancellationToken.None));
        Assert.True(await _store.CountAsync(issued.Code, "myths", "1", Student, CancellationToken.None));
        await Answer(issued.Code, "what_is_it", "2", times: 4);

        Assert.Equal(["myths/1:<5", "what_is_it/2:5"], (await ReadAsync(issued)).Counts.Select(c => $"{c.Question}/{c.Choice}:{c.Count}"));

        // The same conversation under another code is another class: it counts there.
        var other = await _store.CreateAsync("13-15", CancellationToken.None);
        Assert.True(await _store.CountAsync(other.Code, "what_is_it", "2", Student, CancellationToken.None));
        if (_backend.IsSql)
        {
            // What is kept of the conversation is a salted mark, never its value.
            Assert.Equal(7, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_answered}"));
            Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_answered} WHERE mark LIKE @student", ("student", "%" + Student + "%")));
        }
    }

    [DbFact]
    public async Task Unknown_codes_and_text_like_keys_count_nothing()
    {
        var issued = await _store.CreateAsync("13-15", CancellationToken.None);
        var code = issued.Code;

        Assert.False(await _store.CountAsync("ZZZZZZZZ", "what_is_it", "1", NewAnswerer(), CancellationToken.None));
        Assert.False(await _store.CountAsync(code, "I think it is answer one", "1", NewAnswerer(), CancellationToken.None));
        Assert.False(await _store.CountAsync(code, "what_is_it", "yes", NewAnswerer(), CancellationToken.None));
        Assert.False(await _store.CountAsync(code, "what_is_it", "1", "I am Sam from class 8B", CancellationToken.None));
        Assert.False(await _store.CountAsync(code, "what_is_it", "1", "", CancellationToken.None));
        Assert.Equal(ClassResultsAccess.UnknownCode, (await _store.ReadAsync("ZZZZZZZZ", issued.ResultsKey, CancellationToken.None)).Access);
        Assert.Empty((await ReadAsync(issued)).Counts);
    }

    [DbFact]
    public async Task After_a_day_the_code_is_refused_on_read_and_count_and_swept_with_its_counts_and_marks()
    {
        var issued = await _store.CreateAsync("13-15", CancellationToken.None);
        var code = issued.Code;
        await Answer(code, "what_is_it", "1", times: 5);
        var other = (await _store.CreateAsync("13-15", CancellationToken.None)).Code;

        _backend.Time.Advance(TimeSpan.FromDays(1));

        Assert.False(await _store.IsLiveAsync(code, CancellationToken.None));
        Assert.Equal(ClassResultsAccess.UnknownCode, (await _store.ReadAsync(code, issued.ResultsKey, CancellationToken.None)).Access);
        Assert.False(await _store.CountAsync(code, "what_is_it", "1", NewAnswerer(), CancellationToken.None));
        Assert.Equal(2, await _store.DeleteExpiredAsync(CancellationToken.None));
        Assert.Equal(0, await _store.DeleteExpiredAsync(CancellationToken.None));
        if (_backend.IsSql)
        {
            Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_counts}"));
            Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_codes}"));
            Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_answered}"));
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

    [DbFact]
    public async Task Codes_made_before_results_keys_are_dropped_with_their_counts_on_start()
    {
        if (_backend is not { IsSql: true })
        {
            return;
        }

        // The tables as they were without keys, with a code anyone holding it could read.
        if (_backend is PostgresBackend)
        {
            await _backend.ScalarAsync($"CREATE SCHEMA IF NOT EXISTS \"{_backend.Options.PostgresSchema}\"");
        }

        await _backend.ScalarAsync("CREATE TABLE {class_codes} (code TEXT PRIMARY KEY NOT NULL, band TEXT NOT NULL, expires_at BIGINT NOT NULL)");
        await _backend.ScalarAsync("CREATE TABLE {class_counts} (code TEXT NOT NULL, question TEXT NOT NULL, choice TEXT NOT NULL, answers BIGINT NOT NULL, PRIMARY KEY (code, question, choice))");
        var tomorrow = _backend.Time.GetUtcNow().AddHours(12).ToUnixTimeMilliseconds();
        await _backend.ScalarAsync("INSERT INTO {class_codes} (code, band, expires_at) VALUES ('ABCD2345', '13-15', @at)", ("at", tomorrow));
        await _backend.ScalarAsync("INSERT INTO {class_counts} (code, question, choice, answers) VALUES ('ABCD2345', 'what_is_it', '1', 7)");

        Assert.False(await _store.IsLiveAsync("ABCD2345", CancellationToken.None));
        Assert.Equal(0, await _backend.ScalarAsync("SELECT COUNT(*) FROM {class_counts}"));
        var issued = await _store.CreateAsync("13-15", CancellationToken.None);
        await Answer(issued.Code, "what_is_it", "1", times: 5);
        Assert.Single((await ReadAsync(issued)).Counts);
    }

    protected abstract StorageBackend CreateBackend();

    private static string NewAnswerer() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    private async Task<ClassTally> ReadAsync(ClassCodeIssued issued)
    {
        var read = await _store.ReadAsync(issued.Code, issued.ResultsKey, CancellationToken.None);
        Assert.Equal(ClassResultsAccess.Granted, read.Access);
        return read.Tally!;
    }

    /// <summary><paramref name="times"/> answers, each from another conversation.</summary>
    private async Task Answer(string code, string question, string choice, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(await _store.CountAsync(code, question, choice, NewAnswerer(), CancellationToken.None));
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
