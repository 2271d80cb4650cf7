using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace AwarenessBot.BotFramework;

/// <summary>
/// One Bot Connector client per bot identity, serviceUrl and audience, kept for the life of the host, as the SDK's
/// older BotFrameworkAdapter kept them. CloudAdapter builds a new ConnectorClient for every turn (an expectReplies
/// turn never uses it), and each construction parses the user-agent clean-up regex again: a quarter of the bytes the
/// host allocated per turn, and as much again for the echo floor. The turn disposes what it was given, so it gets a
/// wrapper whose Dispose leaves the shared client open. Credentials are the SDK's own (their token cache refreshes
/// itself), and a client is only reused for the identity it was built for.
/// </summary>
internal sealed class CachedConnectorFactory(ConnectorFactory inner, string identityKey, SharedClientCache<IConnectorClient> cache) : ConnectorFactory
{
    public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var key = string.Join('\n', identityKey, serviceUrl, audience);
        var (client, shared) = await cache.GetOrAddAsync(key, () => inner.CreateAsync(serviceUrl, audience, cancellationToken)).ConfigureAwait(false);
        return shared ? new SharedConnectorClient(client) : client;
    }

    /// <summary>What the inner factory builds credentials from: the claims that name the bot and its caller.</summary>
    public static string IdentityKey(ClaimsIdentity? identity) => identity is null
        ? string.Empty
        : string.Join('\n', identity.Claims
            .Where(c => c.Type is AuthenticationConstants.AudienceClaim or AuthenticationConstants.AppIdClaim or AuthenticationConstants.AuthorizedParty or AuthenticationConstants.VersionClaim)
            .Select(c => c.Type + "=" + c.Value)
            .Order(StringComparer.Ordinal));

    /// <summary>The turn's handle on a shared client: everything passes through, Dispose does nothing.</summary>
    private sealed class SharedConnectorClient(IConnectorClient shared) : IConnectorClient
    {
        public Uri BaseUri
        {
            get => shared.BaseUri;
            set => throw new NotSupportedException("A shared Bot Connector client's address cannot change.");
        }

        public JsonSerializerSettings SerializationSettings => shared.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;

        public ServiceClientCredentials Credentials => shared.Credentials;

        public IAttachments Attachments => shared.Attachments;

        public IConversations Conversations => shared.Conversations;

        public void Dispose()
        {
            // Shared with other turns: the cache owns it.
        }
    }
}

/// <summary>
/// Bot Framework clients the host keeps (one singleton per client type): connector clients and user token clients.
/// Failed constructions are not kept.
/// </summary>
internal sealed class SharedClientCache<T> : IDisposable
    where T : class, IDisposable
{
    /// <summary>A host talks to a handful of channels; a flood of serviceUrls (only possible with valid tokens) stops being cached.</summary>
    private const int MaxClients = 256;

    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _clients = new(StringComparer.Ordinal);

    /// <summary>The cached client for the key (Shared = true), or, past <see cref="MaxClients"/>, a new one the caller owns.</summary>
    public async Task<(T Client, bool Shared)> GetOrAddAsync(string key, Func<Task<T>> create)
    {
        // The kept client first, without locking: ConcurrentDictionary.Count takes every bucket lock, and every turn
        // asks here (twice: the connector and the user token client).
        if (!_clients.TryGetValue(key, out var entry))
        {
            if (_clients.Count >= MaxClients)
            {
                return (await create().ConfigureAwait(false), false);
            }

            entry = _clients.GetOrAdd(key, _ => new Lazy<Task<T>>(create));
        }

        try
        {
            return (await entry.Value.ConfigureAwait(false), true);
        }
        catch
        {
            // A failed construction (credentials unavailable, a cancelled turn) is tried again by the next turn.
            _clients.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, entry));
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var entry in _clients.Values.Where(e => e.IsValueCreated && e.Value.IsCompletedSuccessfully))
        {
            entry.Value.Result.Dispose();
        }

        _clients.Clear();
    }
}
