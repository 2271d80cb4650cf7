using AwarenessBot.Limits;
using AwarenessBot.Storage.WebChannel;
using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>Posting the user's activities and polling the conversation (Direct Line 3.0: activities).</summary>
internal static class DirectLineActivityEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/conversations/{conversationId}/activities", PostAsync).WithMetadata(new LimitScope(perAddress: true, perConversationPosts: true));
        group.MapGet("/conversations/{conversationId}/activities", GetAsync);
    }

    /// <summary>
    /// Stores the user's activity at once (Web Chat waits for its own activity to come back, matched by
    /// <c>channelData.clientActivityID</c>) and queues the bot's turn; answers before the bot has replied. The
    /// per-conversation post limit is the rate limiter's (<see cref="LimitScope.PerConversationPosts"/>).
    /// </summary>
    private static async Task<IResult> PostAsync(
        string conversationId,
        HttpContext http,
        DirectLineAccess access,
        DirectLineTurnProcessor processor,
        IOptions<DirectLineOptions> options,
        CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(DirectLineAccess.BearerToken(http.Request), conversationId, cancellationToken);
        if (check.Error is not null)
        {
            return check.Error;
        }

        var conversation = check.Conversation!;
        var limits = options.Value;
        var body = await LimitedBody.ReadAsync(http.Request, limits.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            return DirectLineErrors.TooLarge(limits.MaxActivityBytes);
        }

        var activity = DirectLinePostedActivity.TryRead(body);
        if (UserActivityRules.Problem(activity, limits.MaxTextLength) is { } problem)
        {
            return DirectLineErrors.BadArgument(problem);
        }

        // Typing indicators are acknowledged but neither kept nor sent to the bot.
        if (UserActivityRules.IsTyping(activity!))
        {
            return Results.Json(new ResourceId(string.Empty));
        }

        var serviceUrl = DirectLineUrls.ServiceUrl(http.Request);
        await processor.EnsureStartedAsync(conversation, serviceUrl, cancellationToken);
        return await processor.PostAsync(conversation, activity!, serviceUrl, cancellationToken) is { } id
            ? Results.Json(new ResourceId(id))
            : DirectLineErrors.ConversationNotFound();
    }

    private static async Task<IResult> GetAsync(
        string conversationId, string? watermark, HttpContext http, DirectLineAccess access, IWebChannelStore store, CancellationToken cancellationToken)
    {
        var check = await access.CheckAsync(DirectLineAccess.BearerToken(http.Request), conversationId, cancellationToken);
        if (check.Error is not null)
        {
            return check.Error;
        }

        if (!DirectLineAccess.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.BadArgument("The watermark is not valid.");
        }

        var activities = await store.ReadAfterAsync(conversationId, from, cancellationToken);
        var next = activities.Count > 0 ? activities[^1].Sequence : from;
        return Results.Content(DirectLineActivityJson.ActivitySet(activities, next), "application/json");
    }

    private sealed record ResourceId(string Id);
}
