using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwarenessBot.Analysis.Azure;

// The analyze-text contract (PROTOCOLS.md §7). Response entities' "text" is deliberately not mapped: we never hold it.
internal sealed record AnalyzeTextRequest(string Kind, AnalyzeParameters Parameters, AnalysisInput AnalysisInput);

internal sealed record AnalyzeParameters(string ModelVersion, string? StringIndexType);

internal sealed record AnalysisInput(IReadOnlyList<InputDocument> Documents);

internal sealed record InputDocument(string Id, string Text, string? Language, string? CountryHint);

internal sealed record AnalyzeTextResponse(string? Kind, AnalyzeResults? Results);

internal sealed record AnalyzeResults(List<ResultDocument>? Documents, List<DocumentError>? Errors, string? ModelVersion);

internal sealed record ResultDocument(string? Id, DetectedLanguage? DetectedLanguage, List<PiiEntity>? Entities);

internal sealed record DetectedLanguage(string? Name, string? Iso6391Name, double ConfidenceScore);

internal sealed record PiiEntity(string? Category, int Offset, int Length, double ConfidenceScore);

internal sealed record DocumentError(string? Id, JsonElement Error);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalyzeTextResponse))]
internal sealed partial class AzureJsonContext : JsonSerializerContext;
