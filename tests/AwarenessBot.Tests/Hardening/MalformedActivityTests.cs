using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AwarenessBot.Tests.Support;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Hardening;

/// <summary>Issue 14, findings 6 and 8: bad input to /api/messages is a clear 4xx, never a 500; text is capped at 2,000.</summary>
public sealed class MalformedActivityTests(BotHostFactory factory, ITestOutputHelper output) : IClassFixture<BotHostFactory>
{
    [Theory]
    [InlineData("{\"type\":\"message\",}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"}}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"}}")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"deliveryMode\":\"bogus\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\"}}")]
    public async Task The_findings_of_the_probe_are_400_with_a_clear_body(string body)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal("BadArgument", (string?)error["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
    }

    [Fact]
    public async Task Text_over_2000_characters_is_400_and_2000_is_answered()
    {
        using var client = factory.CreateClient();

        using var tooLong = await client.PostAsJsonAsync("/api/messages", ActivityJson.Message(new string('a', 2_001), "text-cap-1"));
        using var atLimit = await client.PostAsJsonAsync("/api/messages", ActivityJson.Message(new string('a', 2_000), "text-cap-2"));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("2000 characters", (string?)(await tooLong.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
    }

    [Fact]
    public async Task Fuzz_at_least_300_malformed_activities_are_all_4xx_and_none_500()
    {
        using var client = factory.CreateClient();
        var cases = MalformedActivities.All().ToList();
        var outcomes = new Dictionary<int, int>();
        var wrong = new List<string>();
        foreach (var (name, body) in cases)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/messages", content);
            var status = (int)response.StatusCode;
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            if (status is < 400 or >= 500)
            {
                wrong.Add($"{name}: {status}");
            }
        }

        output.WriteLine($"{cases.Count} malformed activities: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}×{o.Value}"))}");
        Assert.True(cases.Count >= 300, $"only {cases.Count} cases");
        Assert.Empty(wrong);
    }
}

/// <summary>Malformed Bot Connector activities: broken JSON, and every required field missing, mistyped or hostile.</summary>
internal static class MalformedActivities
{
    private static readonly (string Field, JsonNode? Value)[] Mutations =
    [
        ("type", null), ("type", ""), ("type", "bogus"), ("type", 5), ("type", new JsonObject()), ("type", new JsonArray()),
        ("channelId", null), ("channelId", ""), ("channelId", "<img src=x onerror=alert(9)>"), ("channelId", "someone@example.com"),
        ("channelId", new string('c', 1_000)), ("channelId", 7), ("channelId", "EMULATOR "),
        ("serviceUrl", null), ("serviceUrl", ""), ("serviceUrl", "not a url"), ("serviceUrl", "ftp://127.0.0.1/"),
        ("serviceUrl", "javascript:alert(1)"), ("serviceUrl", "/relative/"), ("serviceUrl", "http://"), ("serviceUrl", 123),
        ("serviceUrl", new JsonArray()), ("serviceUrl", "http://user:pw@127.0.0.1/"), ("serviceUrl", "file:///etc/passwd"),
        ("deliveryMode", "bogus"), ("deliveryMode", "expect_replies"), ("deliveryMode", 7), ("deliveryMode", new JsonArray()),
        ("conversation", null), ("conversation", new JsonObject()), ("conversation", "a string"), ("conversation", 5),
        ("conversation", new JsonObject { ["id"] = "" }), ("conversation", new JsonObject { ["id"] = new string('x', 600) }),
        ("conversation", new JsonObject { ["id"] = "a\u0000b" }), ("conversation", new JsonObject { ["id"] = "<script>alert(1)</script>" }),
        ("conversation", new JsonObject { ["id"] = "has space" }), ("conversation", new JsonObject { ["id"] = "someone\"@x" }),
        ("conversation", new JsonObject { ["id"] = new JsonArray() }),
        ("from", null), ("from", new JsonObject()), ("from", "a string"), ("from", new JsonObject { ["id"] = "" }),
        ("from", new JsonObject { ["id"] = new string('u', 300) }), ("from", new JsonObject { ["id"] = "é-accent" }),
        ("from", new JsonObject { ["id"] = "line\nbreak" }),
        ("id", ""), ("id", new string('i', 300)), ("id", "<b>"), ("replyToId", "tab\there"),
        ("recipient", new JsonObject { ["id"] = "" }), ("recipient", new JsonObject { ["id"] = "a'b" }),
        ("text", new string('t', 2_001)), ("text", new string('t', 100_000)), ("text", new JsonObject()),
        ("locale", new string('l', 50)), ("locale", "en<script>"), ("locale", "en US"),
        ("timestamp", "not a date"), ("timestamp", new JsonArray()), ("membersAdded", "not a list"), ("attachments", 5),
        ("entities", "x"),
    ];

    public static IEnumerable<(string Name, string Body)> All()
    {
        var bases = new[]
        {
            ActivityJson.Message("hello", "fuzz-a"),
            ActivityJson.Message("hello", "fuzz-b", channelId: "msteams"),
            ActivityJson.Message("hello", "fuzz-c", channelId: "sms", expectReplies: false),
            ActivityJson.ConversationUpdate("fuzz-d"),
            ActivityJson.Message("bonjour", "fuzz-e", channelId: "webchat", locale: "fr-CA"),
        };
        foreach (var (template, index) in bases.Select((b, i) => (b, i)))
        {
            foreach (var (field, value) in Mutations)
            {
                var activity = template.DeepClone().AsObject();
                if (value is null)
                {
                    activity.Remove(field);
                }
                else
                {
                    activity[field] = value.DeepClone();
                }

                yield return ($"base {index}, {field} = {value?.ToJsonString() ?? "(missing)"}", activity.ToJsonString());
            }
        }

        var valid = bases[0].ToJsonString();
        for (var cut = 1; cut < valid.Length; cut += 9)
        {
            yield return ($"truncated at {cut}", valid[..cut]);
        }

        foreach (var junk in new[] { "", " ", "null", "[]", "[{}]", "42", "\"message\"", "true", "{", "}", "{\"type\":\"message\",}", "{'type':'message'}", "{\"type\":", new string('[', 500), "\u0000", "{\"type\":\"message\"}{\"type\":\"message\"}" })
        {
            yield return ($"junk {junk.Length} chars", junk);
        }
    }
}
