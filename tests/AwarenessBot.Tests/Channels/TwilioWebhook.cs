using System.Security.Cryptography;
using System.Text;

namespace AwarenessBot.Tests.Channels;

/// <summary>
/// Twilio's incoming-message webhook as Twilio sends it: form-encoded parameters and X-Twilio-Signature computed
/// independently of the bot, as documented (https://www.twilio.com/docs/usage/webhooks/webhooks-security): base64 of
/// HMAC-SHA1 with the auth token over the full URL followed by every parameter, sorted by name, as name+value.
/// </summary>
internal static class TwilioWebhook
{
    public const string Url = "http://localhost/api/sms/twilio";
    public const string BotNumber = "+15145550100";

    public static Dictionary<string, string> Message(string from, string body) => Message(from, body, NewSid());

    private static Dictionary<string, string> Message(string from, string body, string messageSid) => new(StringComparer.Ordinal)
    {
        ["ToCountry"] = "CA",
        ["ToState"] = "QC",
        ["SmsMessageSid"] = messageSid,
        ["NumMedia"] = "0",
        ["SmsSid"] = messageSid,
        ["SmsStatus"] = "received",
        ["Body"] = body,
        ["FromCountry"] = "CA",
        ["To"] = BotNumber,
        ["NumSegments"] = "1",
        ["MessageSid"] = messageSid,
        ["AccountSid"] = ChannelTestHost.TwilioAccountSid,
        ["From"] = from,
        ["ApiVersion"] = "2010-04-01",
    };

    public static string Sign(string url, IReadOnlyDictionary<string, string> parameters, string authToken)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1 by definition; this test signs as Twilio does.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>A Webhooks Rule's signature: the same data, HMAC-SHA256 with the SharedKey, announced in a header.</summary>
    public static HttpRequestMessage SignedWithSharedKey(IReadOnlyDictionary<string, string> parameters, string sharedKey)
    {
        var data = new StringBuilder(Url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        var request = Request(parameters, Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sharedKey), Encoding.UTF8.GetBytes(data.ToString()))));
        request.Headers.Add("X-Twilio-Webhooks-Signature-Settings", "key=webhooks_sharedkey_test,algorithm=HMAC_SHA256");
        return request;
    }

    public static HttpRequestMessage Request(IReadOnlyDictionary<string, string> parameters, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sms/twilio") { Content = new FormUrlEncodedContent(parameters) };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
        }

        return request;
    }

    public static HttpRequestMessage Signed(IReadOnlyDictionary<string, string> parameters) =>
        Request(parameters, Sign(Url, parameters, ChannelTestHost.TwilioAuthToken));

    private static string NewSid() => "SM" + Guid.NewGuid().ToString("N");
}
