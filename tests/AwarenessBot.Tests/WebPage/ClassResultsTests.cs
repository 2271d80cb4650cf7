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
/// Issue 15, optional anonymous class results over HTTP: a teacher makes a lesson code, students' quiz answers in
/// that lesson are counted (through /api/messages, as a channel sends them), counts under 5 read "&lt;5", a day later
/// the code is gone, and bad input is a clear 4xx.
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
        Assert.Equal($"http://localhost/embed?module=online_safety&band=13_15&lang=fr&class={code}", created["link"]!.GetValue<string>());
        Assert.Equal($"{Create}/{code}", created["results"]!.GetValue<string>());
        Assert.Equal(_time.GetUtcNow().AddDays(1), created["expiresAt"]!.GetValue<DateTimeOffset>());

        var page = await _client.GetStringAsync(new Uri($"/embed?module=online_safety&band=13_15&lang=fr&class={code.ToLowerInvariant()}", UriKind.Relative));
        Assert.Contains($"data-lesson-class=\"{code}\"", page, StringComparison.Ordinal);
        using var qr = await _client.GetAsync(new Uri($"/educators/qr.svg?module=online_safety&band=13_15&lang=fr&class={code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
    }

    [Fact]
    public async Task Quiz_answers_in_the_lesson_are_counted_per_choice_and_small_counts_read_fewer_than_five()
    {
        var code = (await CreateCodeAsync("learn_trafficking", "13_15", "en"))["code"]!.GetValue<string>();
        for (var student = 0; student < 5; student++)
        {
            await AnswerQuizAsync($"class-right-{student}", code, "2");
        }

        await AnswerQuizAsync("class-wrong", code, "1");
        await AnswerQuizAsync("no-class", classCode: null, "1");

        var results = await ResultsAsync(code);

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
        var code = (await CreateCodeAsync("learn_trafficking", "13_15", "en"))["code"]!.GetValue<string>();
        _time.Advance(TimeSpan.FromDays(1));

        await AnswerQuizAsync("late", code, "2");

        using var results = await _client.GetAsync(new Uri($"{Create}/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, results.StatusCode);
        Assert.Contains("UnknownClassCode", await results.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var embed = await _client.GetAsync(new Uri($"/embed?module=learn_trafficking&band=13_15&lang=en&class={code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, embed.StatusCode);
    }

    [Theory]
    [InlineData("/educators/class-codes/ABCD234", HttpStatusCode.BadRequest)]
    [InlineData("/educators/class-codes/ABCD23450", HttpStatusCode.BadRequest)]
    [InlineData("/educators/class-codes/ABCD234O", HttpStatusCode.BadRequest)]
    [InlineData("/educators/class-codes/ZZZZZZZZ", HttpStatusCode.NotFound)]
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

    private async Task<JsonObject> CreateCodeAsync(string module, string band, string lang)
    {
        using var response = await _client.PostAsJsonAsync(new Uri(Create, UriKind.Relative), new { module, band, lang });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> ResultsAsync(string code)
    {
        using var response = await _client.GetAsync(new Uri($"{Create}/{code}?lang=en", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
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
