using AwarenessBot.Analytics;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>For the Memory provider (tests): the SQL store's rules in dictionaries; expired codes are pruned on write.</summary>
internal sealed class MemoryClassResultsStore(TimeProvider time) : IClassResultsStore
{
    private readonly Dictionary<string, CodeEntry> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, string Question, string Choice), long> _counts = [];
    private readonly HashSet<(string Code, string Mark)> _answered = [];
    private readonly Lock _lock = new();

    public Task<ClassCodeIssued> CreateAsync(string ageBand, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + ClassCode.Lifetime;
        var key = ClassResultsKey.New();
        lock (_lock)
        {
            Prune();
            string code;
            do
            {
                code = ClassCode.New();
            }
            while (!_codes.TryAdd(code, new CodeEntry(ageBand, ClassResultsKey.Hash(key), ClassAnswerMark.NewSalt(), expires)));

            return Task.FromResult(new ClassCodeIssued(code, key, expires));
        }
    }

    public Task<bool> IsLiveAsync(string code, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Live(code) is not null);
        }
    }

    public Task<bool> CountAsync(string code, string question, string choice, string answerer, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!ClassAnswerKey.IsValid(question, choice, answerer) || Live(code) is not { } entry
                || !_answered.Add((code, ClassAnswerMark.Compute(entry.Salt, question, answerer))))
            {
                return Task.FromResult(false);
            }

            var key = (code, question, choice);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            return Task.FromResult(true);
        }
    }

    public Task<ClassResultsRead> ReadAsync(string code, string resultsKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Live(code) is not { } entry)
            {
                return Task.FromResult(ClassResultsRead.UnknownCode);
            }

            if (!ClassResultsKey.Matches(resultsKey, entry.KeyHash))
            {
                return Task.FromResult(ClassResultsRead.WrongKey);
            }

            var counts = _counts.Where(c => c.Key.Code == code)
                .Select(c => new ClassChoiceCount(c.Key.Question, c.Key.Choice, SuppressedCount.From(c.Value)));
            return Task.FromResult(ClassResultsRead.Granted(new ClassTally(entry.Band, entry.ExpiresAt, ClassTallyOrder.Sort(counts))));
        }
    }

    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Prune());
        }
    }

    private CodeEntry? Live(string code) => _codes.TryGetValue(code, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry : null;

    private int Prune()
    {
        var expired = _codes.Where(c => c.Value.ExpiresAt <= time.GetUtcNow()).Select(c => c.Key).ToList();
        foreach (var code in expired)
        {
            _codes.Remove(code);
        }

        foreach (var key in _counts.Keys.Where(k => !_codes.ContainsKey(k.Code)).ToList())
        {
            _counts.Remove(key);
        }

        _answered.RemoveWhere(a => !_codes.ContainsKey(a.Code));
        return expired.Count;
    }

    private sealed record CodeEntry(string Band, string KeyHash, string Salt, DateTimeOffset ExpiresAt);
}
