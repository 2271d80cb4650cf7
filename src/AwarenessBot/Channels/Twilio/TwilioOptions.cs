namespace AwarenessBot.Channels.Twilio;

/// <summary>Settings of the direct Twilio SMS channel (section <c>Twilio</c>). The channel is off without an auth token.</summary>
internal sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    /// <summary>The account's SID (AC…); when set, a webhook from another account is refused.</summary>
    public string AccountSid { get; set; } = "";

    /// <summary>Secret: the key of X-Twilio-Signature, of the REST API's basic auth and of the hashed ids.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>
    /// Secret: the SharedKey of a Webhooks Rule, for webhooks that carry X-Twilio-Webhooks-Signature-Settings (they are
    /// signed with it, possibly with HMAC-SHA256). Empty: such webhooks are refused.
    /// </summary>
    public string WebhookSigningKey { get; set; } = "";

    /// <summary>The REST API's base URL (a local fake in tests).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com/");

    /// <summary>
    /// The public URL Twilio calls, exactly as set on the number (the signature covers it). Empty: the URL of the
    /// request as it arrived, which is right unless a proxy or load balancer rewrites scheme, host or port.
    /// </summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>
    /// Characters per message. Twilio accepts a body of up to 1,600 characters and splits it into segments
    /// (https://www.twilio.com/docs/glossary/what-sms-character-limit, error 21617:
    /// https://www.twilio.com/docs/api/errors/21617); it recommends at most 320 for deliverability.
    /// </summary>
    public int MaxMessageLength { get; set; } = 1600;

    /// <summary><c>TwiML</c> (the reply in the webhook's response) or <c>Rest</c> (the Messages API, after the response).</summary>
    public TwilioReplyMode ReplyMode { get; set; } = TwilioReplyMode.TwiML;

    /// <summary>The first retry's delay (then doubled, with jitter) when Twilio answers 408, 429 or 5xx.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => !string.IsNullOrEmpty(AuthToken);
}

internal enum TwilioReplyMode
{
    TwiML,
    Rest,
}
