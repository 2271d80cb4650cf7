using AwarenessBot.Storage.State;
using Microsoft.Bot.Builder;

namespace AwarenessBot.Edge.State;

/// <summary>
/// Bot Framework's <see cref="IStorage"/> over <see cref="IStateStore"/>: reads come back as JObjects carrying the
/// row's ETag under <c>eTag</c> (what BotState caches and sends back), and one WriteAsync call is one all-or-nothing
/// batch, so the bot's save of conversation and user state together is atomic on every provider.
/// </summary>
internal sealed class BotStateStorage(IStateStore store) : IStorage
{
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return result;
        }

        var documents = await store.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        foreach (var (key, document) in documents)
        {
            result[key] = BotStateJson.FromStoredJson(document.Json, document.ETag);
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var intents = changes.Select(c => WriteIntent.From(c.Key, c.Value)).ToList();
        var etags = await store.WriteAsync([.. intents.Select(i => i.Write)], cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < intents.Count; i++)
        {
            intents[i].ApplyNewETag(etags[i]);
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return store.DeleteAsync(keys, cancellationToken);
    }
}
