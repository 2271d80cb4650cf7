using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Channels.WhatsApp;

/// <summary>
/// Sends through the Cloud API: <c>POST {GraphBaseUrl}/{phone-number-id}/messages</c> with a bearer token
/// (https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
/// shows the request). Retries live in the HttpClient's
/// Polly pipeline (ProviderResilience); a send that still fails is logged by the incoming message's id, the HTTP
/// status and Graph's numeric error code (never Graph's message text, which can quote the recipient).
/// </summary>
internal sealed class WhatsAppGraphClient(IHttpClientFactory clients, IOptions<WhatsAppOptions> options, ILogger<WhatsAppGraphClient> logger)
{
    public const string HttpClientName = "whatsapp-graph";

    /// <summary>Graph's error code when the customer-service window has closed (re-engagement message).</summary>
    public const int WindowClosedError = 131047;

    public async Task<bool> SendAsync(JsonObject message, string inReplyTo, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = clients.CreateClient(HttpClientName);
        var url = new Uri(settings.GraphBaseUrl, Uri.EscapeDataString(settings.PhoneNumberId) + "/messages");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(message) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            var code = await ErrorCodeAsync(response, cancellationToken);
            logger.LogError("WhatsApp reply to message {MessageId} not sent: HTTP {Status}, Graph error {ErrorCode}{Hint}", inReplyTo, (int)response.StatusCode, code,
                code == WindowClosedError ? " (customer-service window closed)" : "");
            return false;
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("WhatsApp reply to message {MessageId} not sent: {ExceptionType}", inReplyTo, exception.GetType().FullName);
            return false;
        }
    }

    private static async Task<int?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
