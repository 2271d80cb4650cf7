namespace AwarenessBot.Admin;

/// <summary>Every data endpoint: 404 when no key is configured, 401 without the right key.</summary>
internal sealed class AdminKeyFilter(AdminOptions options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        if (!options.IsEnabled)
        {
            return Results.NotFound();
        }

        if (!AdminKeyCheck.IsAuthorised(http.Request, options.Key!))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Unauthorized();
        }

        return await next(context);
    }
}
