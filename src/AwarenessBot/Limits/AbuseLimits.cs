using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using AwarenessBot.DirectLine;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Limits;

/// <summary>
/// Abuse limits on ASP.NET Core's rate limiter: one global chain of partitioned fixed windows, each applying only to
/// the endpoints whose <see cref="LimitScope"/> asks for it — requests per client address, conversation starts per
/// client address, posts per web conversation. A rejected request gets 429, a Retry-After header and a JSON error.
/// <c>/api/messages</c> is limited per conversation and per user inside its endpoint (<see cref="MessageRateLimiter"/>),
/// since only the body names them.
/// </summary>
internal static class AbuseLimits
{
    public static IServiceCollection AddAbuseLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddOptions<ClientAddressOptions>().Bind(configuration.GetSection(ClientAddressOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClientAddressOptions>, ClientAddressOptionsValidator>();
        services.AddSingleton<MessageRateLimiter>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ClientAddressOptions>>((forwarded, client) => ConfigureForwarding(forwarded, client.Value));
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IOptions<DirectLineOptions>>((limiter, limits, directLine) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = new ScopedGlobalLimiter(CreateGlobalLimiter(limits.Value, directLine.Value));
            limiter.OnRejected = OnRejectedAsync;
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>Forwarded headers first (the client address is known from then on), then the limits.</summary>
    public static IApplicationBuilder UseAbuseLimits(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<ClientAddressOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app.UseRateLimiter();
    }

    private static void ConfigureForwarding(ForwardedHeadersOptions forwarded, ClientAddressOptions client)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        forwarded.ForwardLimit = client.ForwardLimit;
        foreach (var proxy in client.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in client.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    private static PartitionedRateLimiter<HttpContext> CreateGlobalLimiter(RateLimitOptions limits, DirectLineOptions directLine)
    {
        var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            Scope(context) is { PerAddress: true }
                ? Window(ClientAddress.Key(context), limits.RequestsPerAddress, limits.AddressWindow)
                : RateLimitPartition.GetNoLimiter(string.Empty));

        var starts = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            Scope(context) is { ConversationStart: true } && !HasToken(context)
                ? Window(ClientAddress.Key(context), limits.ConversationStartsPerAddress, limits.AddressWindow)
                : RateLimitPartition.GetNoLimiter(string.Empty));

        // Keyed by the conversation inside a valid token: a caller without the token cannot use up someone's permits.
        var posts = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            Scope(context) is { PerConversationPosts: true } && TokenConversation(context) is { } conversationId
                ? Window(conversationId, directLine.RateLimitPermits, directLine.RateLimitWindow)
                : RateLimitPartition.GetNoLimiter(string.Empty));

        return PartitionedRateLimiter.CreateChained(perAddress, starts, posts);
    }

    /// <summary>The endpoint's limits, or null: every limiter of the chain puts a request without one in its no-limit partition.</summary>
    internal static LimitScope? Scope(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<LimitScope>();

    private static bool HasToken(HttpContext context) => DirectLineAccess.BearerToken(context.Request) is not null;

    private static string? TokenConversation(HttpContext context) =>
        DirectLineAccess.BearerToken(context.Request) is { } token
        && context.RequestServices.GetRequiredService<DirectLineTokenService>().Verify(token, out TokenClaims claims) == TokenCheck.Valid
            ? claims.ConversationId
            : null;

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = RetryAfterSeconds(rejected.Lease, TimeSpan.FromSeconds(10));
        response.Headers.CacheControl = "no-store";
        await response.WriteAsJsonAsync(DirectLineErrors.TooManyRequestsBody("Too many requests; wait a moment."), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whole seconds, at least 1, from the limiter's own estimate (or <paramref name="fallback"/>).</summary>
    public static string RetryAfterSeconds(RateLimitLease lease, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
