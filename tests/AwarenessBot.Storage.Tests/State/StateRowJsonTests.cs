using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AwarenessBot.Storage.State;

namespace AwarenessBot.Storage.Tests.State;

public sealed class StateRowJsonTests
{
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private static readonly JsonTypeInfo<Part> Info = (JsonTypeInfo<Part>)Options.GetTypeInfo(typeof(Part));

    [Fact]
    public void Other_properties_are_kept_in_their_place_and_missing_parts_come_last()
    {
        const string Row = """{"x":[1,2.50,{"y":null}],"b":{"N":2},"z":"\u00e9"}""";

        var layout = StateRowJson.Read(Row, "a", Info, out var a, "b", Info, out var b);
        b.N = 3;

        Assert.Equal(0, a.N);
        Assert.NotNull(layout);
        Assert.Equal("""{"x":[1,2.50,{"y":null}],"b":{"N":3},"z":"\u00E9","a":{"N":0}}""", StateRowJson.Write(layout, "a", Info, a, "b", Info, b));
    }

    [Fact]
    public void A_row_of_the_parts_in_order_keeps_nothing_and_rewrites_the_same()
    {
        const string Row = """{"a":{"N":1},"b":{"N":2}}""";

        var layout = StateRowJson.Read(Row, "a", Info, out var a, "b", Info, out var b);

        Assert.Null(layout);
        Assert.Equal(Row, StateRowJson.Write(layout, "a", Info, a, "b", Info, b));
        Assert.Equal("""{"b":{"N":2},"a":{"N":1}}""", StateRowJson.Write(StateRowJson.Read("""{"b":{"N":2}}""", "a", Info, out _, "b", Info, out _), "a", Info, a, "b", Info, b));
    }

    [Theory]
    [InlineData("""{"a":{},"a":{}}""")]
    [InlineData("""{"x":1,"x":2}""")]
    [InlineData("[]")]
    [InlineData("{} {}")]
    public void A_row_that_is_not_one_object_of_distinct_names_is_refused(string row) =>
        Assert.ThrowsAny<JsonException>(() => StateRowJson.Read(row, "a", Info, out _));

    public sealed class Part
    {
        public int N { get; set; }
    }
}
