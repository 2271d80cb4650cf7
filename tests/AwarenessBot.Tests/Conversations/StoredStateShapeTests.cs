using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// The turn runner keeps state in the rows Bot Framework's BotState kept (one IStorage write of a dictionary of
/// "dialog", "processed" and "profile", read back by property accessors with ToObject): a conversation is the same
/// whichever path wrote it, so rows written before the runner existed go on unchanged.
/// </summary>
public sealed class StoredStateShapeTests(ConversationHostFactory factory) : IClassFixture<ConversationHostFactory>
{
    private static readonly ChannelTurn Turn = new(TurnKind.Message, "webchat", "shape-conversation", "shape-user", "a-1");

    [Fact]
    public async Task A_row_written_the_BotState_way_is_read_by_the_runner()
    {
        var storage = factory.Services.GetRequiredService<IStorage>();
        var store = factory.Services.GetRequiredService<TurnStateStore>();
        var keys = store.KeysFor(Turn);
        var session = Session();
        var processed = new ProcessedActivitiesState();
        processed.Add("fingerprint");
        await storage.WriteAsync(new Dictionary<string, object>
        {
            // What BotState saved: its cached dictionary of typed state objects, under the same keys.
            [keys.Conversation] = new Dictionary<string, object> { ["processed"] = processed, ["dialog"] = session },
            [keys.User] = new Dictionary<string, object> { ["profile"] = Profile() },
        });

        var loaded = await store.LoadAsync(keys, CancellationToken.None);

        Assert.Equal(Json(session), Json(loaded.Session));
        Assert.Equal(Json(Profile()), Json(loaded.Profile));
        Assert.True(loaded.Processed.Contains("fingerprint"));
    }

    [Fact]
    public async Task A_row_the_runner_wrote_is_read_the_BotState_way()
    {
        var storage = factory.Services.GetRequiredService<IStorage>();
        var store = factory.Services.GetRequiredService<TurnStateStore>();
        var keys = store.KeysFor(Turn with { ConversationId = "shape-conversation-2" });
        var loaded = await store.LoadAsync(keys, CancellationToken.None);
        Copy(Session(), loaded.Session);
        loaded.Profile.Locale = "fr";
        loaded.Profile.AgeBand = "13-15";

        await store.SaveAsync(loaded, CancellationToken.None);
        var rows = await storage.ReadAsync([keys.Conversation, keys.User]);

        // What a BotState property accessor does with a stored row: JObject → ToObject<T>.
        var conversation = (JObject)rows[keys.Conversation];
        Assert.Equal(Json(Session()), Json(conversation["dialog"]!.ToObject<DialogSessionState>()!));
        Assert.NotNull(conversation["processed"]!.ToObject<ProcessedActivitiesState>());
        var profile = ((JObject)rows[keys.User])["profile"]!.ToObject<UserProfileState>()!;
        Assert.Equal(("fr", "13-15"), (profile.Locale, profile.AgeBand));
    }

    private static DialogSessionState Session() => new()
    {
        Stack = [new DialogFrame { Flow = "youth_online", Step = "ask_age", Retries = 1, Previous = "intro", Values = new() { ["band"] = "13-15" }, SpeaksTo = "concerned" }],
        Welcomed = true,
        RiskEvidence = new() { ["self_harm"] = 0.25 },
        SessionKey = "k-123",
        ShownServices = ["kids_help_phone"],
        ShownNeed = "crisis",
    };

    private static UserProfileState Profile() => new() { Locale = "fr", LocaleChosen = true, AgeBand = "13-15", Region = "QC", Audience = "youth" };

    private static void Copy(DialogSessionState from, DialogSessionState to)
    {
        to.Stack = from.Stack;
        to.Welcomed = from.Welcomed;
        to.RiskEvidence = from.RiskEvidence;
        to.SessionKey = from.SessionKey;
        to.ShownServices = from.ShownServices;
        to.ShownNeed = from.ShownNeed;
    }

    /// <summary>Compared as Newtonsoft writes them, the serialiser BotState used.</summary>
    private static string Json(object value) => Newtonsoft.Json.JsonConvert.SerializeObject(value);
}
