using System.Collections.Specialized;
using AwarenessBot.BotFramework;
using AwarenessBot.Storage.Erasure;
using AwarenessBot.Rendering;
using Microsoft.Extensions.Options;
using global::Twilio.Security;

namespace AwarenessBot.Channels.Twilio;

/// <summary>
/// POST /api/sms/twilio: Twilio's incoming-message webhook (https://www.twilio.com/docs/messaging/guides/webhook-request),
/// form-encoded From, To, Body, MessageSid, AccountSid… The X-Twilio-Signature is checked with Twilio's own
/// RequestValidator over the full URL and every posted parameter (https://www.twilio.com/docs/usage/webhooks/webhooks-security):
/// 403 and no turn when it fails. The turn runs through the same turn runner as every other channel; the
/// replies go back as TwiML in the response, or through the REST API when configured.
/// </summary>
internal static class TwilioSmsEndpoint
{
    public const string Path = "/api/sms/twilio";
    public const string ChannelId = "twilio-sms";

    /// <summary>Twilio posts a few dozen short parameters; 64 KB is generous.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapTwilioSms(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync)
            .WithMetadata(new ChannelProblem.BodyLimit(MaxBodyBytes))
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<TwilioOptions> options,
        ChannelTurnRunner runner,
        TwilioReplySender sender,
        ChannelWordingText wording,
        IUserDataEraser eraser,
        StateKeys stateKeys,
        ILoggerFactory loggers)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger(typeof(TwilioSmsEndpoint));
        if (!settings.Enabled)
        {
            return ChannelProblem.Status(StatusCodes.Status404NotFound, "The Twilio SMS channel is not configured.");
        }

        if (!http.Request.HasFormContentType)
        {
            return ChannelProblem.Status(StatusCodes.Status415UnsupportedMediaType, "Expected application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException exception)
        {
            return ChannelProblem.Status(exception.StatusCode, "The form could not be read.");
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return ChannelProblem.Status(StatusCodes.Status400BadRequest, "The form could not be read.");
        }

        if (!SignatureIsValid(http, form, settings))
        {
            logger.LogWarning("Rejected a Twilio webhook: missing or wrong X-Twilio-Signature");
            return ChannelProblem.Status(StatusCodes.Status403Forbidden, "The request signature is not valid.");
        }

        var accountSid = (string?)form["AccountSid"];
        if (!string.IsNullOrEmpty(settings.AccountSid) && !string.Equals(accountSid, settings.AccountSid, StringComparison.Ordinal))
        {
            logger.LogWarning("Rejected a Twilio webhook for another account");
            return ChannelProblem.Status(StatusCodes.Status403Forbidden, "The request is for another account.");
        }

        var from = (string?)form["From"];
        var to = (string?)form["To"];
        var messageSid = (string?)form["MessageSid"];
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to) || string.IsNullOrWhiteSpace(messageSid))
        {
            return ChannelProblem.Status(StatusCodes.Status400BadRequest, "From, To and MessageSid are required.");
        }

        var body = (string?)form["Body"];
        var conversationId = ProviderIds.Key(settings.AuthToken, "twilio", to, from);
        var userId = ProviderIds.Key(settings.AuthToken, "twilio", from);
        var keyword = TwilioKeywords.Classify(body, form["OptOutType"]);
        switch (keyword)
        {
            case CarrierKeyword.OptOut:
                // Twilio confirms and blocks later messages; the bot forgets this person (as "delete my data" does).
                // The same keys the turn writes (hashed, scoped as the host scopes them), so nothing of theirs is left.
                await eraser.EraseAsync(StateKeys.Conversation(ChannelId, conversationId), stateKeys.User(ChannelId, conversationId, userId), http.RequestAborted);
                ChannelLog.TwilioKeyword(logger, messageSid, "opt-out, state erased");
                return TwilioTwiml.Result([]);
            case CarrierKeyword.OptIn:
                ChannelLog.TwilioKeyword(logger, messageSid, "opt-in (Twilio confirms)");
                return TwilioTwiml.Result([]);
        }

        var text = keyword == CarrierKeyword.Help ? "help" : body;
        var turn = ChannelTurnRunner.Message(ChannelId, conversationId, userId, text, messageSid);
        if (settings.ReplyMode == TwilioReplyMode.Rest)
        {
            sender.RunAndSendInBackground(turn, messageSid, to: from, from: to, keyword == CarrierKeyword.Help);
            return TwilioTwiml.Result([]);
        }

        var replies = await runner.RunAsync(turn, http.RequestAborted);
        return TwilioTwiml.Result(TwilioReplySender.Bodies(replies, settings.MaxMessageLength, keyword == CarrierKeyword.Help ? wording : null));
    }

    /// <summary>Twilio signs the URL it called, exactly; behind a proxy set Twilio:WebhookUrl to the public one.</summary>
    private static bool SignatureIsValid(HttpContext http, IFormCollection form, TwilioOptions settings)
    {
        var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var request = http.Request;
        var url = string.IsNullOrEmpty(settings.WebhookUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}"
            : settings.WebhookUrl;
        var parameters = new NameValueCollection(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            foreach (var value in values)
            {
                parameters.Add(name, value);
            }
        }

        // A Webhooks Rule signs with a SharedKey and may use HMAC-SHA256, announced by X-Twilio-Webhooks-Signature-Settings
        // ("key=…,algorithm=HMAC_SHA256"); without that header it is the auth token and HMAC-SHA1.
        var settingsHeader = http.Request.Headers[RequestValidator.SignatureSettingsHeader].ToString();
        if (settingsHeader.Length == 0)
        {
            return new RequestValidator(settings.AuthToken).Validate(url, parameters, signature);
        }

        return !string.IsNullOrEmpty(settings.WebhookSigningKey)
            && new RequestValidator(settings.WebhookSigningKey).Validate(url, parameters, signature, RequestValidator.GetSignatureAlgorithm(settingsHeader));
    }
}
