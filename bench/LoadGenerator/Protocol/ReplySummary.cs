using System.Text.Json;

namespace LoadGenerator.Protocol;

/// <summary>A suggested action offered by the bot (what a person could tap).</summary>
internal sealed record OfferedAction(string Title, string Value);

/// <summary>What the generator needs from a turn's replies: how many, and the last suggested actions offered.</summary>
internal sealed record ReplySummary(int Count, IReadOnlyList<OfferedAction> Actions)
{
    public static readonly ReplySummary Empty = new(0, []);

    /// <summary>Reads an expectReplies body <c>{"activities":[...]}</c>; counts only activities that show something.</summary>
    public static ReplySummary FromExpectReplies(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return Empty;
        }

        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.TryGetProperty("activities", out var activities) && activities.ValueKind == JsonValueKind.Array
            ? FromActivities(activities.EnumerateArray(), botOnly: false)
            : Empty;
    }

    /// <summary>Counts message activities (from the bot when <paramref name="botOnly"/>) and keeps the last suggested actions.</summary>
    public static ReplySummary FromActivities(IEnumerable<JsonElement> activities, bool botOnly)
    {
        var count = 0;
        IReadOnlyList<OfferedAction> actions = [];
        foreach (var activity in activities)
        {
            if (!IsMessage(activity) || (botOnly && !IsFromBot(activity)))
            {
                continue;
            }

            count++;
            if (activity.TryGetProperty("suggestedActions", out var suggested) && suggested.ValueKind == JsonValueKind.Object
                && suggested.TryGetProperty("actions", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                actions = [.. list.EnumerateArray().Select(ToAction)];
            }
        }

        return new ReplySummary(count, actions);
    }

    public static bool IsFromBot(JsonElement activity) =>
        activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role)
            ? role.GetString() == "bot"
            : !(activity.TryGetProperty("from", out var f) && f.TryGetProperty("role", out _));

    private static bool IsMessage(JsonElement activity) =>
        activity.TryGetProperty("type", out var type) && type.GetString() == "message";

    private static OfferedAction ToAction(JsonElement action) => new(
        action.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "",
        action.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "");
}
