using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AwarenessBot.Channels;

/// <summary>
/// Retries for calls to Twilio and the Graph API (Polly): 408, 429, 5xx and network errors or timeouts, three more
/// attempts with exponential back-off and jitter, each try limited to 10 s. Never another 4xx: a bad request or a
/// closed customer-service window does not improve by repeating it. A POST that timed out may have been delivered;
/// a possible duplicate is better than a lost answer for a person asking for help.
/// </summary>
internal static class ProviderResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Create(TimeSpan firstDelay) => new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = firstDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                { Result: { } response } => IsTransient(response.StatusCode),
                _ => false,
            }),
            OnRetry = args =>
            {
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        })
        .AddTimeout(TimeSpan.FromSeconds(10))
        .Build();

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

/// <summary>Runs every request of a provider's HttpClient through the pipeline (the request is re-sent as is).</summary>
internal sealed class ProviderResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Buffered once so that every attempt sends the same body.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        return await pipeline.ExecuteAsync(async token => await base.SendAsync(request, token), cancellationToken);
    }
}
