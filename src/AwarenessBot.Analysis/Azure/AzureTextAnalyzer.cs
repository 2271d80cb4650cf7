using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.DependencyInjection;
using AwarenessBot.Analysis.Local;
using AwarenessBot.Analysis.PersonalData;
using AwarenessBot.Catalog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace AwarenessBot.Analysis.Azure;

/// <summary>
/// Local analysis first (always: risk signals only ever come from it), then Azure language detection and PII in
/// parallel within the budget. Cloud PII is added to local PII, never replaces it; any cloud failure falls back to the
/// local part and the result says so in <see cref="TextAnalysis.Provider"/>.
/// </summary>
internal sealed class AzureTextAnalyzer : ITextAnalyzer
{
    public const string ProviderName = "azure";
    public const string FallbackProviderName = "azure+local-fallback";
    // Languages Azure finds personal data in (seeds/catalog.yaml azure_pii); others are sent as the fallback locale.
    private static readonly HashSet<string> PiiLanguages = [.. BotCatalog.Default.Locales.Where(l => l.AzurePii).Select(l => l.Code)];

    private readonly LocalTextAnalyzer _local;
    private readonly AzureLanguageClient _client;
    private readonly ResiliencePipeline<CloudPart> _pipeline;
    private readonly AzureLanguageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AzureTextAnalyzer> _logger;

    public AzureTextAnalyzer(
        LocalTextAnalyzer local, AzureLanguageClient client, IOptions<TextAnalysisOptions> options, TimeProvider time, ILogger<AzureTextAnalyzer> logger)
    {
        _local = local;
        _client = client;
        _options = options.Value.Azure;
        _time = time;
        _logger = logger;
        _pipeline = AzureResiliencePipeline.Build(_options, time, logger);
    }

    public async ValueTask<TextAnalysis> AnalyzeAsync(string text, string? localeHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var started = _time.GetTimestamp();
        var local = _local.Analyze(text);
        if (text.Trim().Length == 0)
        {
            return local;
        }

        var cloudText = Truncate(text, _options.MaxDocumentLength);
        var piiLanguage = PiiLanguages.Contains(local.Language) ? local.Language : localeHint is { } hint && PiiLanguages.Contains(hint) ? hint : BotCatalog.Default.FallbackLocale;
        var languageTask = RunAsync("LanguageDetection", async ct =>
        {
            var (language, confidence) = await _client.DetectLanguageAsync(cloudText, ct);
            return new CloudPart(language, confidence, null);
        }, cancellationToken);
        var piiTask = RunAsync("PiiEntityRecognition", async ct => new CloudPart(null, 0, await _client.RecognizePiiAsync(cloudText, piiLanguage, ct)), cancellationToken);
        var language = await languageTask;
        var pii = await piiTask;

        var personalData = pii.PersonalData is { } cloudMatches ? Merge(local.PersonalData, cloudMatches) : local.PersonalData;
        var result = new TextAnalysis(
            language.Language ?? local.Language,
            language.Language is null ? local.LanguageConfidence : language.LanguageConfidence,
            personalData,
            Redactor.Redact(text, personalData),
            local.Signals,
            language.IsAvailable && pii.IsAvailable ? ProviderName : FallbackProviderName);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
            var categories = string.Join(',', result.Signals.Select(s => s.Category.ToWireName()).Distinct());
            AzureLog.Analysed(_logger, result.Provider, elapsedMs, result.Language, personalData.Count, categories);
        }

        return result;
    }

    private async Task<CloudPart> RunAsync(string kind, Func<CancellationToken, Task<CloudPart>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(AzureResiliencePipeline.Kind, kind);
            AzureResiliencePipeline.StartBudget(context, _time, _options);
            var started = _time.GetTimestamp();
            var part = await _pipeline.ExecuteAsync(static async (ctx, state) => await state(ctx.CancellationToken), context, call);
            if (part.IsAvailable && _logger.IsEnabled(LogLevel.Debug))
            {
                var elapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
                AzureLog.Succeeded(_logger, kind, elapsedMs);
            }

            return part;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Local spans win; a cloud span is added only where it overlaps none.</summary>
    internal static IReadOnlyList<PersonalDataMatch> Merge(IReadOnlyList<PersonalDataMatch> local, IReadOnlyList<PersonalDataMatch> cloud)
    {
        var merged = new List<PersonalDataMatch>(local);
        foreach (var candidate in cloud)
        {
            if (!merged.Exists(m => m.Start < candidate.Start + candidate.Length && candidate.Start < m.Start + m.Length))
            {
                merged.Add(candidate);
            }
        }

        merged.Sort((a, b) => a.Start.CompareTo(b.Start));
        return merged;
    }

    /// <summary>Azure's limit is per document; never cut a surrogate pair in half.</summary>
    internal static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var length = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..length];
    }
}
