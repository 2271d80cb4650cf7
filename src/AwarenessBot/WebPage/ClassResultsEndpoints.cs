using System.Text.Json;
using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Limits;
using AwarenessBot.Analytics;
using AwarenessBot.Storage.ClassResults;
using Microsoft.Extensions.Primitives;

namespace AwarenessBot.WebPage;

/// <summary>
/// Optional anonymous class results (issue 15). <c>POST /educators/class-codes</c> with <c>{"module","band","lang"}</c>
/// makes a lesson code and answers its lesson link (<c>/embed?…&amp;class=CODE</c>, what students get) and, once only,
/// the teacher's results key; <c>GET /educators/class-codes/{code}?lang=</c> with <c>Authorization: Bearer KEY</c>
/// gives the code's counts per quiz and choice, each under 5 shown as "&lt;5". The code alone opens nothing but the
/// lesson: students carry it, so it cannot be what guards the results. Every bad request is a 4xx naming what to send,
/// never quoting it: 400 malformed, 401 no key, 403 another key, 404 unknown or expired code.
/// </summary>
internal static class ClassResultsEndpoints
{
    public const string Path = "/educators/class-codes";
    private const int MaxBodyBytes = 1024;
    private const string BearerPrefix = "Bearer ";

    public static IEndpointRouteBuilder MapClassResults(this IEndpointRouteBuilder endpoints)
    {
        // A code costs a row for a day, so creating one is limited like starting a conversation.
        endpoints.MapPost(Path, CreateAsync).WithMetadata(new LimitScope(perAddress: true, conversationStart: true));
        endpoints.MapGet(Path + "/{code}", ReadAsync).WithMetadata(new LimitScope(perAddress: true));
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ILessonCatalog lessons, IClassResultsStore store, CancellationToken cancellationToken)
    {
        if (await ReadLessonAsync(http.Request, lessons, cancellationToken) is not { } lesson)
        {
            return PageErrors.BadArgument("Send {\"module\",\"band\",\"lang\"} as JSON (under 1 KB), values as /educators lists them.");
        }

        var issued = await store.CreateAsync(lesson.AgeBand, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        var results = $"{Path}/{issued.Code}";
        return Results.Created(results, new
        {
            code = issued.Code,
            link = EducatorsPageEndpoints.LessonUrl(http.Request, lessons, lesson with { ClassCode = issued.Code }),
            results,
            // Given only here: the store keeps its hash. The link above never carries it.
            resultsKey = issued.ResultsKey,
            expiresAt = issued.ExpiresAt,
        });
    }

    private static async Task<IResult> ReadAsync(
        string code, HttpContext http, ILessonCatalog lessons, IContentRepository content, IClassResultsStore store, CancellationToken cancellationToken)
    {
        if (ClassCode.Normalize(code) is not { } normalized)
        {
            return PageErrors.BadArgument(LessonLink.ClassCodeError);
        }

        if (ResultsKey(http.Request) is not { } key)
        {
            return PageErrors.ResultsKeyRequired();
        }

        var locale = http.Request.Query["lang"] is [{ } lang] && lessons.Locales.Any(l => l.Value == lang) ? lang : BotCatalog.Default.FallbackLocale;
        var read = await store.ReadAsync(normalized, key, cancellationToken);
        if (read.Access == ClassResultsAccess.UnknownCode)
        {
            return PageErrors.UnknownClassCode();
        }

        if (read is not { Access: ClassResultsAccess.Granted, Tally: { } tally })
        {
            return PageErrors.WrongResultsKey();
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new
        {
            code = normalized,
            expiresAt = tally.ExpiresAt,
            shownFrom = SuppressedCount.Threshold,
            questions = tally.Counts.GroupBy(c => c.Question).Select(q => Question(q.Key, q.ToList(), content.Find(q.Key, locale, tally.AgeBand)?.Quiz)).ToList(),
        });
    }

    /// <summary>The key in <c>Authorization: Bearer KEY</c> (one header, one value), else null; its value is checked by the store.</summary>
    private static string? ResultsKey(HttpRequest request)
    {
        if (request.Headers.Authorization is not [{ } header]
            || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || header.Length > BearerPrefix.Length + ClassResultsKey.Length * 2)
        {
            return null;
        }

        var key = header[BearerPrefix.Length..].Trim();
        return key.Length == 0 ? null : key;
    }

    /// <summary>Every choice of the quiz, also those nobody picked (shown as "&lt;5" like any small count), with its label.</summary>
    private static object Question(string id, List<ClassChoiceCount> counts, QuizView? quiz)
    {
        var numbers = Enumerable.Range(1, quiz?.Choices.Count ?? 0).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Union(counts.Select(c => c.Choice));
        return new
        {
            id,
            question = quiz?.Question,
            choices = numbers.Select(n => new
            {
                choice = n,
                label = int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) is var i && quiz is not null && i <= quiz.Choices.Count ? quiz.Choices[i - 1] : null,
                correct = quiz is not null && n == (quiz.AnswerIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                count = counts.FirstOrDefault(c => c.Choice == n)?.Count ?? default,
            }).ToList(),
        };
    }

    /// <summary>The lesson the body names, or null when the body is not small JSON naming one the flows know.</summary>
    private static async Task<LessonStart?> ReadLessonAsync(HttpRequest request, ILessonCatalog lessons, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        if (read is 0 or > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(buffer.AsMemory(0, read));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
            foreach (var name in new[] { "module", "band", "lang" })
            {
                if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    fields[name] = value.GetString();
                }
            }

            return LessonLink.Read(new QueryCollection(fields), lessons).Lesson;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not valid UTF-8 (GetString refuses to transcode it).
            return null;
        }
    }
}
