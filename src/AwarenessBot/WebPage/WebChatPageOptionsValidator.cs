using Microsoft.Extensions.Options;

namespace AwarenessBot.WebPage;

internal sealed class WebChatPageOptionsValidator : IValidateOptions<WebChatPageOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatPageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.IdleMinutes is < 1 or > 120)
        {
            errors.Add("WebChatPage:IdleMinutes must be between 1 and 120.");
        }

        if (options.QuickExitUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("WebChatPage:QuickExitUrl must be an absolute http(s) URL.");
        }

        foreach (var origin in options.EmbedOrigins)
        {
            if (EmbedPolicy.ParseOrigin(origin) is null)
            {
                // The value is configuration, not user input: naming it helps the administrator.
                errors.Add($"WebChatPage:EmbedOrigins: '{origin}' is not an origin (https://host or https://host:port, no path, no wildcard).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
