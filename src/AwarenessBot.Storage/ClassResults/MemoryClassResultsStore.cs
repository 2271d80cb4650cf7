using AwarenessBot.Analytics;

namespace AwarenessBot.Storage.ClassResults;

/// <summary>For the Memory provider (tests): the SQL store's rules in a dictionary; expired codes are pruned on write.</summary>
internal sealed class MemoryClassResultsStore(TimeProvider time) : IClassResultsStore
{
    private readonly Dictionary<string, (string Band, DateTimeOffset ExpiresAt)> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Code, string Question, string Choice), long> _counts = [];
    private readonly Lock _lock = new();

    public Task<ClassCodeIssued> CreateAsync(string ageBand, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + ClassCode.Lifetime;
        lock (_lock)
        {
            Prune();
            string code;
            do
            {
                code = ClassCode.New();
            }
            while (!_codes.TryAdd(code, (ageBand, expires)));

            return Task.FromResult(new ClassCodeIssued(code, expires));
        }
    }

    public Task<bool> IsLiveAsync(string code, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(IsLive(code));
        }
    }

    public Task<bool> CountAsync(string code, string question, string choice, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!ClassAnswerKey.IsValid(question, choice) || !IsLive(code))
            {
                return Task.FromResult(false);
            }

            var key = (code, question, choice);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            return Task.FromResult(true);
        }
    }

    public Task<ClassTally?> ReadAsync(string code, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!IsLive(code))
            {
                return Task.FromResult<ClassTally?>(null);
            }

            var counts = _counts.Where(c => c.Key.Code == code)
                .Select(c => new ClassChoiceCount(c.Key.Question, c.Key.Choice, SuppressedCount.From(c.Value)));
            var (band, expires) = _codes[code];
            return Task.FromResult<ClassTally?>(new ClassTally(band, expires, ClassTallyOrder.Sort(counts)));
        }
    }

    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Prune());
        }
    }

    private bool IsLive(string code) => _codes.TryGetValue(code, out var entry) && entry.ExpiresAt > time.GetUtcNow();

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

        return expired.Count;
    }
}
