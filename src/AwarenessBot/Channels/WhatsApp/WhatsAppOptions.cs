namespace AwarenessBot.Channels.WhatsApp;

/// <summary>
/// Settings of the direct WhatsApp Cloud API channel (section <c>WhatsApp</c>). Incoming messages need the app
/// secret; replies need the access token and the phone number id; the handshake needs the verify token.
/// </summary>
internal sealed class WhatsAppOptions
{
    public const string SectionName = "WhatsApp";

    /// <summary>Secret: the string typed in the app's webhook settings, echoed back in the verification request.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>Secret: the Meta app's secret, the key of X-Hub-Signature-256 and of the hashed ids.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Secret: a (system user) access token with whatsapp_business_messaging.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The business phone number's id (not the number); events for other numbers are ignored.</summary>
    public string PhoneNumberId { get; set; } = "";

    /// <summary>The Graph API's versioned base URL (a local fake in tests).</summary>
    public Uri GraphBaseUrl { get; set; } = new("https://graph.facebook.com/v23.0/");

    /// <summary>Messages waiting for a turn, per partition; past it the webhook answers 503 and Meta delivers again later.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>The first retry's delay (then doubled, with jitter) when the Graph API answers 408, 429 or 5xx.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => !string.IsNullOrEmpty(AppSecret) && !string.IsNullOrEmpty(AccessToken) && !string.IsNullOrEmpty(PhoneNumberId);
}
