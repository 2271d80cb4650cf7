using System.Text.Json;
using System.Text.Json.Nodes;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// The rows the turn runner reads and writes (<see cref="StoredStateJson"/>, a reader/writer pass since perf5) are the
/// bytes the earlier JsonNode way wrote: a row written before reads back identically and re-writes to the same text,
/// and other properties a row carries are kept in their place. <see cref="ViaNodes"/> is that earlier way, verbatim.
/// </summary>
public sealed class StoredStateJsonTests
{
    /// <summary>Rows exactly as the JsonNode code wrote them (6d9ecfe..3bfbe21), new and after a few turns.</summary>
    public static TheoryData<string> OldConversationRows => new(ConversationRows);

    private static readonly string[] ConversationRows =
    [
        """{"processed":{"Version":1,"Recent":[]},"dialog":{"Version":1,"Stack":[],"Welcomed":false,"IndigenousFirst":false,"RiskEvidence":null,"SessionKey":null,"ShownServices":null,"ShownNeed":null,"ClassCode":null,"ClassAnswerer":null}}""",
        """{"processed":{"Version":1,"Recent":["AbC-_123xyz0AbC-","Zz9_-0aa11bb22cc"]},"dialog":{"Version":1,"Stack":[{"Flow":"youth_online","Step":"ask_age","Retries":1,"Previous":"intro","Values":{"band":"13-15","page":"2"},"SpeaksTo":"concerned"}],"Welcomed":true,"IndigenousFirst":true,"RiskEvidence":{"self_harm":0.25,"exploitation":0.1234567890123},"SessionKey":"k-123","ShownServices":["kids_help_phone"],"ShownNeed":"crisis","ClassCode":"ABC123","ClassAnswerer":"r-9"}}""",
        """{"dialog":{"Version":1,"Stack":[{"Flow":"worker","Step":"menu","Retries":0,"Previous":null,"Values":{"r\u00E9gion":"QC \u0026 \u003Cautre\u003E"},"SpeaksTo":null}],"Welcomed":true,"IndigenousFirst":false,"RiskEvidence":{},"SessionKey":null,"ShownServices":[],"ShownNeed":null,"ClassCode":null,"ClassAnswerer":null},"processed":{"Version":1,"Recent":["x"]}}""",
        """{"legacy":{"a":[1,2.50,"\u00E9"],"b":null},"processed":{"Version":1,"Recent":[]},"extra":true,"dialog":{"Version":1,"Stack":[],"Welcomed":true,"IndigenousFirst":false,"RiskEvidence":null,"SessionKey":"s","ShownServices":null,"ShownNeed":null,"ClassCode":null,"ClassAnswerer":null}}""",
        """{"dialog":{"Version":1,"Stack":[],"Welcomed":true,"IndigenousFirst":false,"RiskEvidence":null,"SessionKey":"s","ShownServices":null,"ShownNeed":null,"ClassCode":null,"ClassAnswerer":null}}""",
        """{"other":1}""",
        "{}",
    ];

    public static TheoryData<string> OldUserRows => new()
    {
        """{"profile":{"Locale":null,"LocaleChosen":false,"AgeBand":null,"Region":null,"Audience":null}}""",
        """{"profile":{"Locale":"fr","LocaleChosen":true,"AgeBand":"13-15","Region":"QC","Audience":"youth"}}""",
        """{"before":"x","profile":{"Locale":"tl","LocaleChosen":false,"AgeBand":"19\u002B","Region":"ON","Audience":"worker"},"after":[{}]}""",
        "{}",
    };

    [Theory]
    [MemberData(nameof(OldConversationRows))]
    public void An_old_conversation_row_reads_back_identically_and_rewrites_to_the_same_text(string row)
    {
        var layout = StoredStateJson.ReadConversation(row, out var processed, out var session);
        var old = ViaNodes.ReadRow(row);

        Assert.Equal(Json(ViaNodes.Get<DialogSessionState>(old, StoredStateJson.Dialog)), Json(session));
        Assert.Equal(Json(ViaNodes.Get<ProcessedActivitiesState>(old, StoredStateJson.Processed)), Json(processed));
        Assert.Equal(ViaNodes.WriteConversation(old, processed, session), StoredStateJson.WriteConversation(layout, processed, session));
        if (row.Contains("\"processed\"", StringComparison.Ordinal) && row.Contains("\"dialog\"", StringComparison.Ordinal) && !row.Contains("\\u00E9", StringComparison.Ordinal))
        {
            Assert.Equal(row, StoredStateJson.WriteConversation(layout, processed, session));
        }
    }

    [Theory]
    [MemberData(nameof(OldUserRows))]
    public void An_old_user_row_reads_back_identically_and_rewrites_to_the_same_text(string row)
    {
        var layout = StoredStateJson.ReadUser(row, out var profile);
        var old = ViaNodes.ReadRow(row);

        Assert.Equal(Json(ViaNodes.Get<UserProfileState>(old, StoredStateJson.Profile)), Json(profile));
        Assert.Equal(ViaNodes.WriteUser(old, profile), StoredStateJson.WriteUser(layout, profile));
        if (row.Contains("\"profile\"", StringComparison.Ordinal))
        {
            Assert.Equal(row, StoredStateJson.WriteUser(layout, profile));
        }
    }

    [Fact]
    public void A_changed_state_is_written_as_the_old_way_wrote_it()
    {
        foreach (var row in ConversationRows)
        {
            var layout = StoredStateJson.ReadConversation(row, out var processed, out var session);
            var old = ViaNodes.ReadRow(row);
            processed.Add("new-fingerprint");
            session.Stack.Add(new DialogFrame { Flow = "crisis", Step = "safe_now", Values = new() { ["q"] = "\"quoted\" <b> é 😀" } });
            session.RiskEvidence = new() { ["danger"] = 1.0 / 3, ["tiny"] = 1e-7, ["whole"] = 1 };
            session.ShownNeed = "line\nbreak\ttab";

            Assert.Equal(ViaNodes.WriteConversation(old, processed, session), StoredStateJson.WriteConversation(layout, processed, session));
        }
    }

    [Fact]
    public void No_row_reads_as_new_state_and_writes_what_the_old_way_wrote()
    {
        var layout = StoredStateJson.ReadConversation(null, out var processed, out var session);
        var userLayout = StoredStateJson.ReadUser(null, out var profile);

        Assert.Null(layout);
        Assert.Equal(Json(new DialogSessionState()), Json(session));
        Assert.Equal(ViaNodes.WriteConversation(new JsonObject(), processed, session), StoredStateJson.WriteConversation(layout, processed, session));
        Assert.Equal(ViaNodes.WriteUser(new JsonObject(), profile), StoredStateJson.WriteUser(userLayout, profile));
    }

    [Fact]
    public void Null_parts_and_other_casing_read_as_the_old_way_read_them()
    {
        const string Row = """{"processed":null,"dialog":{"version":1,"welcomed":true,"STACK":[{"flow":"f","step":"s"}]}}""";
        StoredStateJson.ReadConversation(Row, out var processed, out var session);
        var old = ViaNodes.ReadRow(Row);

        Assert.Equal(Json(ViaNodes.Get<DialogSessionState>(old, StoredStateJson.Dialog)), Json(session));
        Assert.Equal(Json(ViaNodes.Get<ProcessedActivitiesState>(old, StoredStateJson.Processed)), Json(processed));
        Assert.True(session.Welcomed);
        Assert.Equal("f", Assert.Single(session.Stack).Flow);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"dialog\":{}} {}")]
    [InlineData("{\"dialog\":")]
    [InlineData("{\"dialog\":{},\"dialog\":{}}")]
    public void A_row_that_is_not_one_object_is_refused(string row) =>
        Assert.ThrowsAny<JsonException>(() => StoredStateJson.ReadConversation(row, out _, out _));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    /// <summary>The JsonNode way the rows were read and written before perf5 (StoredStateJson at 3bfbe21).</summary>
    private static class ViaNodes
    {
        private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = null, PropertyNameCaseInsensitive = true, MaxDepth = 64 };
        private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
        private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

        public static JsonObject ReadRow(string json) =>
            JsonNode.Parse(json, NodeOptions, DocumentOptions) as JsonObject ?? throw new JsonException("A state row is not a JSON object.");

        public static T Get<T>(JsonObject row, string property)
            where T : new() =>
            row[property] is { } node ? node.Deserialize<T>(Options) ?? new T() : new T();

        public static string WriteConversation(JsonObject row, ProcessedActivitiesState processed, DialogSessionState session)
        {
            row[StoredStateJson.Processed] = JsonSerializer.SerializeToNode(processed, Options);
            row[StoredStateJson.Dialog] = JsonSerializer.SerializeToNode(session, Options);
            return row.ToJsonString();
        }

        public static string WriteUser(JsonObject row, UserProfileState profile)
        {
            row[StoredStateJson.Profile] = JsonSerializer.SerializeToNode(profile, Options);
            return row.ToJsonString();
        }
    }
}
