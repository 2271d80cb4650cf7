using System.Net.Http.Json;
using System.Text.Json;
using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.DependencyInjection;
using AwarenessBot.Catalog;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Analysis.Azure;

/// <summary>
/// One analyze-text call per method. Uses IHttpClientFactory per call (not a typed client captured in a singleton),
/// so handler rotation and DNS changes still apply.
/// </summary>
internal sealed class AzureLanguageClient
{
    public const string HttpClientName = "AwarenessBot.Analysis.AzureLanguage";
    // The national region's code is the country's ISO code (seeds/catalog.yaml).
    private static readonly string CountryHint = BotCatalog.Default.National.Code;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly Uri _uri;
    private readonly string _key;

    public AzureLanguageClient(IHttpClientFactory httpClientFactory, IOptions<TextAnalysisOptions> options)
    {
        _httpClientFactory = httpClientFactory;
        var azure = options.Value.Azure;
        _uri = new Uri($"{azure.Endpoint!.TrimEnd('/')}/language/:analyze-text?api-version={Uri.EscapeDataString(azure.ApiVersion)}");
        _key = azure.Key!;
    }

    public async Task<(string Language, double Confidence)> DetectLanguageAsync(string text, CancellationToken cancellationToken)
    {
        var request = new AnalyzeTextRequest(
            "LanguageDetection",
            new AnalyzeParameters("latest", null),
            new AnalysisInput([new InputDocument("1", text, null, CountryHint)]));
        var document = await SendAsync(request, cancellationToken);
        var detected = document.DetectedLanguage ?? throw new AzureLanguageResponseException("no detectedLanguage");
        var code = detected.Iso6391Name is { Length: > 0 } iso && iso != "(Unknown)" ? iso : "und";
        return (code, Math.Clamp(detected.ConfidenceScore, 0, 1));
    }

    public async Task<IReadOnlyList<PersonalDataMatch>> RecognizePiiAsync(string text, string language, CancellationToken cancellationToken)
    {
        var request = new AnalyzeTextRequest(
            "PiiEntityRecognition",
            new AnalyzeParameters("latest", "Utf16CodeUnit"),
            new AnalysisInput([new InputDocument("1", text, language, null)]));
        var document = await SendAsync(request, cancellationToken);
        var entities = document.Entities ?? throw new AzureLanguageResponseException("no entities");
        var matches = new List<PersonalDataMatch>(entities.Count);
        foreach (var entity in entities)
        {
            if (AzurePiiCategories.ToKind(entity.Category) is { } kind && entity.Offset >= 0 && entity.Length > 0 && entity.Offset + entity.Length <= text.Length)
            {
                matches.Add(new PersonalDataMatch(kind, entity.Offset, entity.Length));
            }
        }

        return matches;
    }

    private async Task<ResultDocument> SendAsync(AnalyzeTextRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Content = JsonContent.Create(body, AzureJsonContext.Default.AnalyzeTextRequest),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", _key);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new AzureLanguageHttpException(response.StatusCode, RetryAfter(response));
        }

        AnalyzeTextResponse? parsed;
        try
        {
            parsed = await response.Content.ReadFromJsonAsync(AzureJsonContext.Default.AnalyzeTextResponse, cancellationToken);
        }
        catch (JsonException)
        {
            throw new AzureLanguageResponseException("malformed JSON");
        }

        var results = parsed?.Results ?? throw new AzureLanguageResponseException("no results");
        if (results.Errors is { Count: > 0 })
        {
            throw new AzureLanguageResponseException("document error");
        }

        return results.Documents is { Count: > 0 } documents ? documents[0] : throw new AzureLanguageResponseException("no documents");
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        // Only seconds are documented for this service; an HTTP date is read as "now" (retry at once if budget allows).
        return header?.Date is not null ? TimeSpan.Zero : null;
    }
}
