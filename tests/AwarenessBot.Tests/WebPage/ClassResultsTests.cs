using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwarenessBot.Tests.WebPage;

/// <summary>
/// Issue 15, optional anonymous class results over HTTP: a teacher makes a lesson code and gets a results key,
/// students' quiz answers in that lesson are counted (through /api/messages, as a channel sends them) once per
/// question per conversation, counts under 5 read "&lt;5", the code students carry does not open the results, a day
/// later the code is gone, and bad input is a clear 4xx, never a 500.
/// </summary>
public sealed class ClassResultsTests : IDisposable
{
    private const string Create = "/educators/class-codes";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly BotHostFactory _factory = new();
    private readonly HttpClient _client;

    // The derived factory belongs to _factory, which disposes it.
    public ClassResultsTests() =>
        _client = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_time))).CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task A_teacher_gets_a_short_code_and_a_lesson_link_carrying_it_that_opens()
    {
        var created = await CreateCodeAsync("online_safety", "13_15", "fr");

        var code = created["code"]!.GetValue<string>();
        Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", code);
        // The students' link carries the code only; the key is the teacher's, given once, here.
        Assert.Equal($"http://localhost/embed?module=online_safety&band=13_15&lang=fr&class={code}", created["link"]!.GetValue<string>());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", created["resultsKey"]!.GetValue<string>());
        Assert.Equal($"{Create}/{code}", created["results"]!.GetValue<string>());
        Assert.Equal(_time.GetUtcNow().AddDays(1), created["expiresAt"]!.GetValue<DateTimeOffset>());

        var page = await _client.GetStringAsync(new Uri($"/embed?module=online_safety&band=13_15&lang=fr&class={code.ToLowerInvariant()}", UriKind.Relative));
        Assert.Contains($"data-lesson-class=\"{code}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(created["resultsKey"]!.GetValue<string>(), page, StringComparison.Ordinal);
        using var qr = await _client.GetAsync(new Uri($"/educators/qr.svg?module=online_safety&band=13_15&lang=fr&class={code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
    }

    [Fact]
    public async Task Quiz_answers_in_the_lesson_are_counted_per_choice_and_small_counts_read_fewer_than_five()
    {
        var created = await CreateCodeAsync("learn_trafficking", "13_15", "en");
        var code = created["code"]!.GetValue<string>();
        for (var student = 0; student < 5; student++)
        {
            await AnswerQuizAsync($"class-right-{student}", code, "2");
        }

        await AnswerQuizAsync("class-wrong", code, "1");
        await AnswerQuizAsync("no-class", classCode: null, "1");

        var results = await ResultsAsync(created);

        var question = Assert.Single(results["questions"]!.AsArray())!;
        Assert.Equal("trafficking_what_is_it", question["id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(question["question"]!.GetValue<string>()));
        var choices = question["choices"]!.AsArray();
        Assert.Equal("<5", choices.Single(c => c!["choice"]!.GetValue<string>() == "1")!["count"]!.GetValue<string>());
        var right = choices.Single(c => c!["choice"]!.GetValue<string>() == "2")!;
        Assert.Equal(5, right["count"]!.GetValue<long>());
        Assert.True(right["correct"]!.GetValue<bool>());
        Assert.Equal(5, results["shownFrom"]!.GetValue<int>());
        // Nothing in the results could point at anyone: no ids, no times of answers, no text typed.
        Assert.DoesNotContain("class-right", results.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_day_the_code_neither_counts_nor_answers_nor_opens()
    {
        var created = await CreateCodeAsync("learn_trafficking", "13_15", "en");
        var code = created["code"]!.GetValue<string>();
        _time.Advance(TimeSpan.FromDays(1));

        await AnswerQuizAsync("late", code, "2");

        using var results = await GetResultsAsync(code, created["resultsKey"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, results.StatusCode);
        Assert.Contains("UnknownClassCode", await results.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var embed = await _client.GetAsync(new Uri($"/embed?module=learn_trafficking&band=13_15&lang=en&class={code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, embed.StatusCode);
    }

    [Theory]
    [InlineData("/educators/class-codes/ABCD234", HttpStatusCode.BadRequest)]
    [InlineData("/educators/class-codes/ABCD23450", HttpStatusCode.BadRequest)]
    [InlineData("/educators/class-codes/ABCD234O", HttpStatusCode.BadRequest)]
    [InlineData("/educators/class-codes/ZZZZZZZZ", HttpStatusCode.Unauthorized)]
    [InlineData("/embed?module=online_safety&band=13_15&lang=fr&class=bad", HttpStatusCode.BadRequest)]
    [InlineData("/embed?module=online_safety&band=13_15&lang=fr&class=ZZZZZZZZ", HttpStatusCode.NotFound)]
    [InlineData("/embed?class=ZZZZZZZZ", HttpStatusCode.BadRequest)]
    [InlineData("/embed?module=online_safety&band=13_15&class=A&class=B", HttpStatusCode.BadRequest)]
    [InlineData("/educators/qr.svg?module=online_safety&band=13_15&lang=fr&class=ZZZZZZZZ", HttpStatusCode.NotFound)]
    public async Task A_bad_or_unknown_code_is_a_clear_4xx(string path, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(new Uri(path + (path.Contains('?', StringComparison.Ordinal) ? "" : "?lang=en"), UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"module\":\"online_safety\"}")]
    [InlineData("{\"module\":\"crisis_immediate_danger\",\"band\":\"13_15\",\"lang\":\"en\"}")]
    [InlineData("{\"module\":1,\"band\":\"13_15\",\"lang\":\"en\"}")]
    public async Task A_bad_create_request_is_a_400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(Create, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_create_request_over_a_kilobyte_is_a_400()
    {
        var padding = new string('a', 2000);
        using var content = new StringContent($"{{\"module\":\"online_safety\",\"band\":\"13_15\",\"lang\":\"en\",\"x\":\"{padding}\"}}", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(Create, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_student_who_answers_again_or_reloads_the_lesson_is_counted_once_per_question()
    {
        var created = await CreateCodeAsync("learn_trafficking", "13_15", "en");
        var code = created["code"]!.GetValue<string>();
        for (var student = 0; student < 5; student++)
        {
            await AnswerQuizAsync($"once-{student}", code, "2");
        }

        // The same students reload the lesson link (the same conversation starts the lesson again) and answer again.
        await AnswerQuizAsync("once-0", code, "2");
        await AnswerQuizAsync("once-1", code, "1");
        await AnswerQuizAsync("once-1", code, "1");

        var choices = (await ResultsAsync(created))["questions"]!.AsArray().Single()!["choices"]!.AsArray();
        Assert.Equal(5, choices.Single(c => c!["choice"]!.GetValue<string>() == "2")!["count"]!.GetValue<long>());
        Assert.Equal("<5", choices.Single(c => c!["choice"]!.GetValue<string>() == "1")!["count"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_code_students_carry_does_not_open_the_results_only_the_teachers_key_does()
    {
        var mine = await CreateCodeAsync("learn_trafficking", "13_15", "en");
        var theirs = await CreateCodeAsync("learn_trafficking", "13_15", "en");
        var code = mine["code"]!.GetValue<string>();
        var key = mine["resultsKey"]!.GetValue<string>();

        using (var none = await GetResultsAsync(code, key: null))
        {
            await AssertErrorAsync(none, HttpStatusCode.Unauthorized, "ResultsKeyRequired");
        }

        foreach (var (scheme, value) in new[] { ("Bearer", ""), ("Basic", key), ("Bearer", new string('k', 200)) })
        {
            using var malformed = await GetResultsAsync(code, value, scheme);
            await AssertErrorAsync(malformed, HttpStatusCode.Unauthorized, "ResultsKeyRequired");
        }

        foreach (var wrong in new[] { code, theirs["resultsKey"]!.GetValue<string>(), key[..^1] + (key[^1] == 'A' ? "B" : "A"), SwapCase(key) })
        {
            using var refused = await GetResultsAsync(code, wrong);
            await AssertErrorAsync(refused, HttpStatusCode.Forbidden, "WrongResultsKey");
            Assert.DoesNotContain(wrong, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var twice = new HttpRequestMessage(HttpMethod.Get, new Uri($"{Create}/{code}", UriKind.Relative)))
        {
            twice.Headers.TryAddWithoutValidation("Authorization", [$"Bearer {key}", $"Bearer {key}"]);
            using var response = await _client.SendAsync(twice);
            await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "ResultsKeyRequired");
        }

        using (var unknown = await GetResultsAsync("ZZZZZZZZ", key))
        {
            await AssertErrorAsync(unknown, HttpStatusCode.NotFound, "UnknownClassCode");
        }

        using var granted = await GetResultsAsync(code.ToLowerInvariant(), key);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }

    [Theory]
    [InlineData("{\"module\":null,\"band\":\"13_15\",\"lang\":\"en\"}")]
    [InlineData("{\"module\":\"online_safety\",\"band\":\"13_15\",\"lang\":\"xx\"}")]
    [InlineData("{\"module\":\"online_safety\",\"band\":\"99_99\",\"lang\":\"en\"}")]
    [InlineData("{\"module\":\"online_safety\",\"band\":\"13_15\",\"lang\":\"en\"")]
    [InlineData("null")]
    [InlineData("\"online_safety\"")]
    [InlineData("{\"module\":[\"online_safety\"],\"band\":\"13_15\",\"lang\":\"en\"}")]
    public async Task Another_malformed_create_request_is_a_400_naming_what_to_send(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri(Create, UriKind.Relative), content);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Deep_nesting_invalid_utf8_and_a_long_body_without_a_length_are_400s_not_500s()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var invalidUtf8 = "{\"module\":\"online_safety\",\"band\":\"13_15\",\"lang\":\"e"u8.ToArray().Concat(new byte[] { 0xFF, 0xFE }).Concat("\"}"u8.ToArray()).ToArray();
        var bodies = new HttpContent[]
        {
            new StringContent(deep, Encoding.UTF8, "application/json"),
            new ByteArrayContent(invalidUtf8),
            // Chunked: no Content-Length to refuse it by, so the reading stops at the limit.
            new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"module\":\"" + new string('a', 50_000) + "\"}"))),
        };

        foreach (var body in bodies)
        {
            using (body)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Create, UriKind.Relative)) { Content = body };
                if (body is StreamContent)
                {
                    request.Headers.TransferEncodingChunked = true;
                }

                using var response = await _client.SendAsync(request);
                await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
            }
        }
    }

    [Theory]
    [InlineData("PUT", Create)]
    [InlineData("DELETE", "/educators/class-codes/ABCD2345")]
    [InlineData("GET", Create)]
    [InlineData("GET", "/educators/class-codes/ABCD2345/extra")]
    [InlineData("GET", "/educators/class-codes/%2e%2e%2fadmin")]
    [InlineData("GET", "/educators/class-codes/%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9")]
    public async Task Other_methods_and_addresses_under_class_codes_are_4xx(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('A', 43));
        using var response = await _client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    private async Task<JsonObject> CreateCodeAsync(string module, string band, string lang)
    {
        using var response = await _client.PostAsJsonAsync(new Uri(Create, UriKind.Relative), new { module, band, lang });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> ResultsAsync(JsonObject created)
    {
        using var response = await GetResultsAsync(created["code"]!.GetValue<string>(), created["resultsKey"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<HttpResponseMessage> GetResultsAsync(string code, string? key, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{Create}/{code}?lang=en", UriKind.Relative));
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {key}");
        }

        return await _client.SendAsync(request);
    }

    private static string SwapCase(string text) =>
        new([.. text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(code, body!["error"]!["code"]!.GetValue<string>());
    }

    /// <summary>One student: the lesson link's start (as the web channel passes it on), the quiz, one answer.</summary>
    private async Task AnswerQuizAsync(string conversation, string? classCode, string choice)
    {
        var start = ActivityJson.ConversationUpdate(conversation);
        var lesson = new JsonObject { ["module"] = "learn_trafficking", ["band"] = "13_15", ["locale"] = "en" };
        if (classCode is not null)
        {
            lesson["class"] = classCode;
        }

        start["channelData"] = new JsonObject { ["lesson"] = lesson };
        await ActivityJson.ExchangeAsync(_client, start);
        var quiz = await ActivityJson.ExchangeAsync(_client, ActivityJson.Message("what is it?", conversation));
        Assert.Contains(quiz, a => a!["text"]?.GetValue<string>() is { Length: > 0 });
        await ActivityJson.ExchangeAsync(_client, ActivityJson.Message(choice, conversation));
    }
}
