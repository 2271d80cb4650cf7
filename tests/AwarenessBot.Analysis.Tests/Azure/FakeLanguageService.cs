using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AwarenessBot.Analysis.Tests.Azure;

/// <summary>A local fake of POST /language/:analyze-text (PROTOCOLS.md §7) with one response per kind.</summary>
internal sealed class FakeLanguageService : IDisposable
{
    public const string LanguageKind = "LanguageDetection";
    public const string PiiKind = "PiiEntityRecognition";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string Url => Server.Url!;

    public static IRequestBuilder Request(string kind) => WireMock.RequestBuilders.Request.Create()
        .WithPath("/language/:analyze-text")
        .UsingPost()
        .WithParam("api-version", "2024-11-01")
        .WithHeader("Ocp-Apim-Subscription-Key", "test-key")
        .WithBody(new WildcardMatcher($"*\"kind\":\"{kind}\"*"));

    public static IResponseBuilder Respond(string body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public static string LanguageResult(string iso, double confidence) =>
        $$$"""{"kind":"LanguageDetectionResults","results":{"documents":[{"id":"1","detectedLanguage":{"name":"x","iso6391Name":"{{{iso}}}","confidenceScore":{{{confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}},"warnings":[]}],"errors":[],"modelVersion":"2024-11-01"}}""";

    public static string PiiResult(string category, int offset, int length) =>
        $$$"""{"kind":"PiiEntityRecognitionResults","results":{"documents":[{"id":"1","redactedText":"***","entities":[{"text":"x","category":"{{{category}}}","offset":{{{offset}}},"length":{{{length}}},"confidenceScore":0.9}],"warnings":[]}],"errors":[],"modelVersion":"2024-11-01"}}""";

    public void Answer(string kind, IResponseBuilder response) => Server.Given(Request(kind)).RespondWith(response);

    public int Calls(string kind) => Server.LogEntries.Count(e => e.RequestMessage.Body?.Contains($"\"kind\":\"{kind}\"", StringComparison.Ordinal) == true);

    public void Dispose() => Server.Stop();
}
