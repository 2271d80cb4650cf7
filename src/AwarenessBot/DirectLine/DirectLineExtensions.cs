using AwarenessBot.Limits;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>
/// The bot's built-in Direct Line 3.0 channel at <c>/v3/directline</c>, for Bot Framework Web Chat on the bot's own
/// page: no Azure Bot Service, no outside request, no bot SDK. Turns run through the host's turn runner (<c>ITurnRunner</c>).
/// </summary>
internal static class DirectLineExtensions
{
    public static IServiceCollection AddDirectLineChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokenService>();
        services.AddOptions<WebChannelOptions>().Configure<IOptions<DirectLineOptions>>((store, directLine) =>
        {
            store.MaxConversations = directLine.Value.MaxConversations;
            store.MaxActivitiesPerConversation = directLine.Value.MaxActivitiesPerConversation;
            store.ConversationIdleTimeout = directLine.Value.ConversationIdleTimeout;
            store.Secret = directLine.Value.TokenSecret;
        });

        // One machine unless the storage provider registered a shared store first (PostgreSQL, see AddBotStorage).
        services.TryAddSingleton<WebChannelSubscribers>();
        services.TryAddSingleton<IWebChannelStore, MemoryWebChannelStore>();
        services.AddSingleton<DirectLineAccess>();
        services.AddSingleton<DirectLineTurnProcessor>();
        services.AddHostedService<DirectLineEvictionService>();
        return services;
    }

    /// <summary>
    /// Maps the channel. The WebSocket stream needs <c>app.UseWebSockets()</c> earlier in the pipeline, and the abuse
    /// limits named by each endpoint's <see cref="LimitScope"/> need <c>app.UseAbuseLimits()</c>.
    /// </summary>
    public static RouteGroupBuilder MapDirectLineChannel(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(DirectLineUrls.BasePath);
        group.WithMetadata(new LimitScope(perAddress: true));

        // Tokens and conversations are private to one tab: never cached by the browser or a proxy.
        group.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        DirectLineConversationEndpoints.Map(group);
        DirectLineActivityEndpoints.Map(group);
        DirectLineStreamEndpoint.Map(group);
        return group;
    }
}
