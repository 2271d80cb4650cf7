using Microsoft.Extensions.Options;

namespace AwarenessBot.Analysis.DependencyInjection;

/// <summary>Fails start-up on a half or wrong Azure configuration instead of silently running without it.</summary>
internal sealed class TextAnalysisOptionsValidator : IValidateOptions<TextAnalysisOptions>
{
    public ValidateOptionsResult Validate(string? name, TextAnalysisOptions options)
    {
        var azure = options.Azure;
        var errors = new List<string>();
        var hasEndpoint = !string.IsNullOrWhiteSpace(azure.Endpoint);
        var hasKey = !string.IsNullOrWhiteSpace(azure.Key);
        if (hasEndpoint != hasKey)
        {
            errors.Add("TextAnalysis:Azure needs both Endpoint and Key, or neither.");
        }

        if (hasEndpoint && (!Uri.TryCreate(azure.Endpoint, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))))
        {
            errors.Add("TextAnalysis:Azure:Endpoint must be an absolute https URL.");
        }

        if (string.IsNullOrWhiteSpace(azure.ApiVersion))
        {
            errors.Add("TextAnalysis:Azure:ApiVersion is required.");
        }

        Check(azure.BudgetMilliseconds is >= 50 and <= 10_000, "BudgetMilliseconds must be 50–10000.");
        Check(azure.AttemptTimeoutMilliseconds >= 10 && azure.AttemptTimeoutMilliseconds <= azure.BudgetMilliseconds, "AttemptTimeoutMilliseconds must be 10–BudgetMilliseconds.");
        Check(azure.MaxRetries is >= 0 and <= 5, "MaxRetries must be 0–5.");
        Check(azure.RetryBaseDelayMilliseconds is >= 1 and <= 5_000, "RetryBaseDelayMilliseconds must be 1–5000.");
        Check(azure.CircuitFailureRatio is > 0 and <= 1, "CircuitFailureRatio must be in (0, 1].");
        Check(azure.CircuitMinimumThroughput >= 2, "CircuitMinimumThroughput must be at least 2.");
        Check(azure.CircuitSamplingSeconds >= 1 && azure.CircuitBreakSeconds >= 1, "Circuit durations must be at least 1 s.");
        Check(azure.MaxDocumentLength is >= 1 and <= 5_120, "MaxDocumentLength must be 1–5120 (Azure's limit).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add("TextAnalysis:Azure:" + message);
            }
        }
    }
}
