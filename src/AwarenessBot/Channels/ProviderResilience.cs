using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AwarenessBot.Channels;

/// <summary>
/// Retries for calls to Twilio and the Graph API (Polly): 408, 429 and 5xx and network errors, three more attempts
/// with exponential back-off and jitter (honouring Retry-After), each try limited in time. Never 4xx otherwise: a bad
/// request or a closed customer-service window does not improve by repeating it. A POST that timed out may have been
/// delivered; a possible duplicate is better than a lost answer for a person asking for help.
/// </summary>
internal static class ProviderResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddTimeout(TimeSpan.FromSeconds(60));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException } => true,
                { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
                _ => false,
            }),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(10));
    }
}
