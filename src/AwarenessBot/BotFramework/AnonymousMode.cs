using System.Net;
using AwarenessBot.Limits;

namespace AwarenessBot.BotFramework;

/// <summary>
/// Without a Microsoft app id nobody is authenticated, so /api/messages must not let a caller make the bot send
/// anything anywhere (server-side request forgery): the serviceUrl must be this machine (the Emulator), and a bot that
/// would POST its replies there (any delivery mode but expectReplies) must be called from this machine too.
/// </summary>
internal static class AnonymousMode
{
    /// <summary>The Activity protocol's deliveryMode in which replies come back in the HTTP response, not by POST.</summary>
    private const string ExpectReplies = "expectReplies";

    public static bool IsOn(IConfiguration configuration) => string.IsNullOrEmpty(configuration["MicrosoftAppId"]);

    /// <summary>Null when allowed; otherwise why not (answered with 403 before anything is sent).</summary>
    public static string? Problem(string? serviceUrl, string? deliveryMode, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!IsLoopback(serviceUrl))
        {
            return "Without a Microsoft app id the bot only answers a serviceUrl on this machine (the Emulator).";
        }

        var expectReplies = string.Equals(deliveryMode, ExpectReplies, StringComparison.OrdinalIgnoreCase);
        return expectReplies || ClientAddress.IsLocal(http)
            ? null
            : "Without a Microsoft app id, callers from other machines must use deliveryMode expectReplies.";
    }

    /// <summary>localhost or a loopback IP literal; a name that merely resolves to loopback does not count.</summary>
    public static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}

/// <summary>
/// Anonymous mode as read once at start-up. /api/messages asks on every request, and every read of the host's
/// IConfiguration (a ConfigurationManager) takes its provider lock, which 32 concurrent turns contend for. The SDK's
/// authentication reads MicrosoftAppId once too, so a changed app id needs a restart either way.
/// </summary>
internal sealed record AnonymousModeSetting(bool IsOn)
{
    public AnonymousModeSetting(IConfiguration configuration)
        : this(AnonymousMode.IsOn(configuration))
    {
    }
}
