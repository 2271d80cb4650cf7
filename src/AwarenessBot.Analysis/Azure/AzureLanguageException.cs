using System.Net;

namespace AwarenessBot.Analysis.Azure;

/// <summary>A non-success status from the service; <see cref="IsTransient"/> decides whether a retry may help.</summary>
internal sealed class AzureLanguageHttpException(HttpStatusCode statusCode, TimeSpan? retryAfter)
    : Exception($"Azure AI Language returned {(int)statusCode}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Only 408, 429 and 5xx gateway/server errors; never 400/401/403 (PROTOCOLS.md §7).</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}

/// <summary>A 200 that cannot be used: malformed JSON, a document error, or an unexpected shape. Never retried.</summary>
internal sealed class AzureLanguageResponseException(string reason) : Exception(reason);
