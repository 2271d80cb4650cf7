using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Channels.WhatsApp;

/// <summary>
/// /api/whatsapp: the Cloud API webhook (verification and event requests as in Meta's webhook reference,
/// https://developers.facebook.com/docs/messenger-platform/webhook-reference).
/// GET is the verification handshake (hub.mode=subscribe, hub.verify_token, hub.challenge → the challenge, or 403).
/// POST carries events signed with X-Hub-Signature-256 (401 without it, 403 when wrong, and no turn); messages are
/// queued for the WhatsAppInbox and the webhook answers 200 at once, as Meta expects.
/// </summary>
internal static class WhatsAppWebhookEndpoints
{
    public const string Path = "/api/whatsapp";

    /// <summary>Webhook events are small JSON documents; 1 MB leaves room for batches.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapWhatsApp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Verify);
        endpoints.MapPost(Path, ReceiveAsync)
            .WithMetadata(new ChannelProblem.BodyLimit(MaxBodyBytes))
            .DisableAntiforgery();
        return endpoints;
    }

    private static IResult Verify(HttpRequest request, IOptions<WhatsAppOptions> options, ILoggerFactory loggers)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.VerifyToken))
        {
            return ChannelProblem.Status(StatusCodes.Status404NotFound, "The WhatsApp channel is not configured.");
        }

        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        if (mode.Length == 0 || token.Length == 0 || challenge.Length == 0 || challenge.Length > 256)
        {
            return ChannelProblem.Status(StatusCodes.Status400BadRequest, "hub.mode, hub.verify_token and hub.challenge are required.");
        }

        if (mode != "subscribe" || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(settings.VerifyToken)))
        {
            loggers.CreateLogger(typeof(WhatsAppWebhookEndpoints)).LogWarning("Refused a WhatsApp webhook verification: wrong mode or verify token");
            return ChannelProblem.Status(StatusCodes.Status403Forbidden, "The verify token does not match.");
        }

        return Results.Text(challenge, "text/plain", Encoding.UTF8);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<WhatsAppOptions> options, WhatsAppInbox inbox, ILoggerFactory loggers)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(WhatsAppWebhookEndpoints));
        if (!settings.Enabled)
        {
            return ChannelProblem.Status(StatusCodes.Status404NotFound, "The WhatsApp channel is not configured.");
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException exception)
        {
            return ChannelProblem.Status(exception.StatusCode, "The request could not be read.");
        }

        var signature = http.Request.Headers["X-Hub-Signature-256"].ToString();
        if (signature.Length == 0)
        {
            logger.LogWarning("Rejected a WhatsApp webhook without X-Hub-Signature-256");
            return ChannelProblem.Status(StatusCodes.Status401Unauthorized, "X-Hub-Signature-256 is required.");
        }

        if (!WhatsAppSignature.IsValid(signature, body, settings.AppSecret))
        {
            logger.LogWarning("Rejected a WhatsApp webhook: wrong X-Hub-Signature-256");
            return ChannelProblem.Status(StatusCodes.Status403Forbidden, "The request signature is not valid.");
        }

        IReadOnlyList<WhatsAppInboundMessage>? messages;
        try
        {
            using var json = JsonDocument.Parse(body);
            messages = WhatsAppWebhookPayload.Parse(json.RootElement);
        }
        catch (JsonException)
        {
            return ChannelProblem.Status(StatusCodes.Status400BadRequest, "The body is not JSON.");
        }

        if (messages is null)
        {
            return ChannelProblem.Status(StatusCodes.Status400BadRequest, "Not a WhatsApp Business Account event.");
        }

        foreach (var message in messages)
        {
            if (!string.Equals(message.PhoneNumberId, settings.PhoneNumberId, StringComparison.Ordinal))
            {
                ChannelLog.WhatsAppOtherNumber(logger, message.MessageId);
                continue;
            }

            if (!inbox.TryEnqueue(message))
            {
                return ChannelProblem.Status(StatusCodes.Status503ServiceUnavailable, "Busy; deliver again later.");
            }
        }

        return Results.Ok();
    }
}
