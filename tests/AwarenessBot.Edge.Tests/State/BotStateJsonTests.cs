using AwarenessBot.Edge.State;
using AwarenessBot.Edge.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Edge.Tests.State;

/// <summary>
/// The stored text of a state value: written without an intermediate token tree for what BotState saves, yet the
/// same text the tree gave (stored rows written before the change read back unchanged), and never with an ETag.
/// </summary>
public sealed class BotStateJsonTests
{
    private static readonly JsonSerializer TreeSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Include,
    });

    [Fact]
    public void A_botstate_dictionary_is_written_as_the_token_tree_wrote_it_without_its_etag()
    {
        var state = new Dictionary<string, object>
        {
            ["DialogSessionState"] = new DialogLikeState { FlowId = "find_services", StepId = "ask_region", Turns = 3, Slots = { ["need"] = "legal", ["when"] = "2026-12-06T09:00:00Z" } },
            ["read back"] = JObject.Parse("""{"nested":{"n":1.5,"list":[1,"two",null]}}"""),
            ["nothing"] = null!,
            ["eTag"] = "row-etag",
        };

        var written = BotStateJson.ToStoredJson(state);

        Assert.Equal(ViaTree(state), written);
        Assert.DoesNotContain("row-etag", written, StringComparison.Ordinal);
        Assert.Equal("row-etag", state["eTag"]);
    }

    [Fact]
    public void A_jobject_is_written_without_its_etag_and_is_left_as_it_was()
    {
        var obj = JObject.Parse("""{"Count":2,"ETag":"abc","Id":"x"}""");

        var written = BotStateJson.ToStoredJson(obj);

        Assert.Equal("""{"Count":2,"Id":"x"}""", written);
        Assert.Equal("abc", obj.Value<string>("ETag"));
    }

    [Fact]
    public void A_store_item_is_written_without_its_etag_whatever_its_contract_calls_it()
    {
        var written = BotStateJson.ToStoredJson(new PocoStoreItem { Id = "1", Count = 3, ETag = "abc" });

        Assert.Equal("""{"Id":"1","Count":3}""", written);
    }

    private static string ViaTree(Dictionary<string, object> state)
    {
        var tree = (JObject)JToken.FromObject(state, TreeSerializer);
        tree.Remove("eTag");
        return tree.ToString(Formatting.None);
    }
}
