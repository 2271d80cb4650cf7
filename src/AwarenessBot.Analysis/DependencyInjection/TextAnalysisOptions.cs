namespace AwarenessBot.Analysis.DependencyInjection;

/// <summary>Configuration section "TextAnalysis". Without an Azure endpoint and key, only the local analyzer runs.</summary>
public sealed class TextAnalysisOptions
{
    public const string SectionName = "TextAnalysis";

    public AzureLanguageOptions Azure { get; set; } = new();

    public bool AzureEnabled => !string.IsNullOrWhiteSpace(Azure.Endpoint) && !string.IsNullOrWhiteSpace(Azure.Key);
}

/// <summary>"TextAnalysis:Azure": Azure AI Language over REST, with a time budget so a slow cloud never slows a turn.</summary>
public sealed class AzureLanguageOptions
{
    /// <summary>e.g. https://my-resource.cognitiveservices.azure.com (https, or http only for loopback test fakes).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Sent as Ocp-Apim-Subscription-Key; never logged.</summary>
    public string? Key { get; set; }

    public string ApiVersion { get; set; } = "2024-11-01";

    /// <summary>Total time the cloud may add to a turn, retries included (default 800 ms); after it, the local result is used.</summary>
    public int BudgetMilliseconds { get; set; } = 800;

    /// <summary>Per attempt, so one hung request still leaves time for a retry (default 500 ms).</summary>
    public int AttemptTimeoutMilliseconds { get; set; } = 500;

    /// <summary>Retries on 408/429/5xx and network errors only (default 2).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay before exponential backoff with jitter (default 50 ms); a 429's Retry-After wins.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 50;

    /// <summary>Circuit opens when this share of calls fail in the sampling window (default 0.5)...</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>...with at least this many calls in it (default 4).</summary>
    public int CircuitMinimumThroughput { get; set; } = 4;

    public int CircuitSamplingSeconds { get; set; } = 30;

    /// <summary>How long the circuit stays open: every turn uses the local result at once (default 30 s).</summary>
    public int CircuitBreakSeconds { get; set; } = 30;

    /// <summary>Azure's per-document limit; longer messages are truncated for the cloud call only.</summary>
    public int MaxDocumentLength { get; set; } = 5120;
}
