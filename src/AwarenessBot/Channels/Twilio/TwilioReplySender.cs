using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AwarenessBot.Catalog;
using AwarenessBot.Rendering;
using AwarenessBot.Turns;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Channels.Twilio;

/// <summary>
/// Turns a turn's replies into SMS bodies (already plain text with numbered choices from the renderer), each within
/// Twilio's body limit and split by the shared MessageSplitter so URLs and numbered choices stay whole; and, in REST
/// mode, sends them through the Messages API (https://twilio.com/docs/sms/api/message-resource)
/// with retries (Polly, see TwilioExtensions). A reply that still fails is logged by message SID and HTTP status.
/// </summary>
internal sealed class TwilioReplySender(
    IHttpClientFactory clients,
    ChannelTurnRunner runner,
    IOptions<TwilioOptions> options,
    IHostApplicationLifetime lifetime,
    ChannelWordingText wording,
    ILogger<TwilioReplySender> logger)
{
    public const string HttpClientName = "twilio-rest";

    /// <param name="helpFooter">The answer to HELP: add how to stop (channel wording, in the replies' language).</param>
    public static IReadOnlyList<string> Bodies(IReadOnlyList<OutgoingMessage> replies, int maxLength, ChannelWordingText? helpFooter)
    {
        var bodies = new List<string>();
        foreach (var reply in replies)
        {
            if (!string.IsNullOrWhiteSpace(reply.Text))
            {
                bodies.AddRange(MessageSplitter.Split(reply.Text!, maxLength));
            }
        }

        if (helpFooter is not null)
        {
            bodies.Add(helpFooter.SmsHelpFooter(replies.Select(r => r.Locale).LastOrDefault(l => !string.IsNullOrEmpty(l)) ?? BotCatalog.Default.FallbackLocale));
        }

        return bodies;
    }

    /// <summary>REST mode: the webhook has already answered; the turn and the sends happen after it.</summary>
    public void RunAndSendInBackground(ChannelTurn turn, string messageSid, string to, string from, bool addHelpFooter)
    {
        var stopping = lifetime.ApplicationStopping;
        _ = Task.Run(async () =>
        {
            try
            {
                var replies = await runner.RunAsync(turn, stopping);
                foreach (var body in Bodies(replies, options.Value.MaxMessageLength, addHelpFooter ? wording : null))
                {
                    await SendAsync(messageSid, to, from, body, stopping);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                logger.LogError("Twilio reply to message {MessageSid} lost: {ExceptionType}", messageSid, exception.GetType().FullName);
            }
        }, CancellationToken.None);
    }

    private async Task SendAsync(string messageSid, string to, string from, string body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = clients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json"))
        {
            Content = new FormUrlEncodedContent([new("To", to), new("From", from), new("Body", body)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.AccountSid + ":" + settings.AuthToken)));
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Twilio's error body is {code, message, more_info, status}; only the numeric code is logged (the message may quote a number).
            var code = await ErrorCodeAsync(response, cancellationToken);
            logger.LogError("Twilio reply to message {MessageSid} not sent: HTTP {Status}, Twilio error {ErrorCode}", messageSid, (int)response.StatusCode, code);
        }
    }

    private static async Task<int?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return json.RootElement.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
