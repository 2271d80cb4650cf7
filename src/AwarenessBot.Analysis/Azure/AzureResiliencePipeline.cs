using AwarenessBot.Analysis.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Retry;
using Polly.Timeout;

namespace AwarenessBot.Analysis.Azure;

/// <summary>
/// fallback (local result) → total budget → retry (408/429/5xx/network, Retry-After honoured but never past the
/// budget) → circuit breaker → per-attempt timeout. Built once; the breaker state is shared by every call.
/// </summary>
internal static class AzureResiliencePipeline
{
    public static readonly ResiliencePropertyKey<string> Kind = new("awarenessbot.analysis.kind");
    private static readonly ResiliencePropertyKey<long> Deadline = new("awarenessbot.analysis.deadline");

    /// <summary>Call before executing: the retry strategy refuses waits that would end after this budget.</summary>
    public static void StartBudget(ResilienceContext context, TimeProvider time, AzureLanguageOptions options) =>
        context.Properties.Set(Deadline, (time.GetUtcNow() + TimeSpan.FromMilliseconds(options.BudgetMilliseconds)).UtcTicks);

    public static ResiliencePipeline<CloudPart> Build(AzureLanguageOptions options, TimeProvider time, ILogger logger)
    {
        var budget = TimeSpan.FromMilliseconds(options.BudgetMilliseconds);
        return new ResiliencePipelineBuilder<CloudPart> { TimeProvider = time }
            .AddFallback(new FallbackStrategyOptions<CloudPart>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null and not OperationCanceledException),
                FallbackAction = _ => Outcome.FromResultAsValueTask(CloudPart.Unavailable),
                OnFallback = args =>
                {
                    var kind = args.Context.Properties.GetValue(Kind, "?");
                    var reason = Reason(args.Outcome.Exception);
                    AzureLog.FellBack(logger, kind, reason);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(budget)
            .AddRetry(new RetryStrategyOptions<CloudPart>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds),
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetries > 0 && IsTransient(args.Outcome.Exception) && FitsBudget(args.Outcome.Exception, args.AttemptNumber, args.Context, options, time)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is AzureLanguageHttpException { RetryAfter: { } after } ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var kind = args.Context.Properties.GetValue(Kind, "?");
                    var reason = Reason(args.Outcome.Exception);
                    var delayMs = (int)args.RetryDelay.TotalMilliseconds;
                    AzureLog.Retrying(logger, kind, reason, args.AttemptNumber + 1, delayMs);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<CloudPart>
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(options.CircuitSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakSeconds),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                OnOpened = _ =>
                {
                    AzureLog.CircuitOpened(logger, options.CircuitBreakSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    AzureLog.CircuitClosed(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromMilliseconds(options.AttemptTimeoutMilliseconds))
            .Build();
    }

    /// <summary>Network errors, attempt timeouts and 408/429/5xx. Malformed responses and 4xx are not worth retrying.</summary>
    private static bool IsTransient(Exception? exception) => exception switch
    {
        AzureLanguageHttpException http => http.IsTransient,
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>A retry whose wait (Retry-After or the backoff estimate) would end after the budget is not attempted.</summary>
    private static bool FitsBudget(Exception? exception, int attempt, ResilienceContext context, AzureLanguageOptions options, TimeProvider time)
    {
        var wait = exception is AzureLanguageHttpException { RetryAfter: { } after }
            ? after
            : TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds * Math.Pow(2, attempt));
        var remaining = TimeSpan.FromTicks(context.Properties.GetValue(Deadline, long.MaxValue) - time.GetUtcNow().UtcTicks);
        return wait < remaining;
    }

    private static string Reason(Exception? exception) => exception switch
    {
        AzureLanguageHttpException http => ((int)http.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        AzureLanguageResponseException => "bad-response",
        null => "none",
        _ => exception.GetType().Name,
    };
}
