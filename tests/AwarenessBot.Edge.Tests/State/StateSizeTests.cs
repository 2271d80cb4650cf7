using System.Text;
using AwarenessBot.Edge.Tests.Support;
using Microsoft.Bot.Builder;
using Xunit.Abstractions;

namespace AwarenessBot.Edge.Tests.State;

/// <summary>Persisted state stays small: the bytes stored for a typical mid-dialog conversation and its user.</summary>
public sealed class StateSizeTests(ITestOutputHelper output) : BackendTests<SqliteBackend>
{
    [Fact]
    public async Task A_typical_conversation_and_user_state_stay_under_one_kilobyte_each()
    {
        var storage = Backend.CreateStorage();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        using var turn = Turns.Create("Dx3kQ9bWvF2Hc7LrTz1-ca", "dl_7c9e6679f42b4e0da3b1c2d3e4f5a6b7");

        // Shaped like the engine's DialogSessionState / UserProfileState, two frames deep.
        await conversation.CreateProperty<SessionShape>("DialogSessionState").SetAsync(turn, new SessionShape
        {
            Stack =
            [
                new FrameShape { Flow = "worker_rights", Step = "choose_topic", Values = new() { ["topic"] = "passport_held" } },
                new FrameShape { Flow = "find_services", Step = "ask_region", Retries = 1, Values = new() { ["need"] = "legal", ["region"] = "BC" } },
            ],
            Welcomed = true,
            SessionKey = AwarenessBot.Analytics.AnalyticsSessionKey.New(),
        });
        await user.CreateProperty<ProfileShape>("UserProfileState").SetAsync(turn, new ProfileShape { Locale = "es", LocaleChosen = true, AgeBand = "19+", Region = "BC", Audience = "worker" });
        await conversation.SaveChangesAsync(turn);
        await user.SaveChangesAsync(turn);

        var stored = await Backend.Store.ReadAsync([Turns.ConversationKey("Dx3kQ9bWvF2Hc7LrTz1-ca"), Turns.UserKey("dl_7c9e6679f42b4e0da3b1c2d3e4f5a6b7")], CancellationToken.None);
        var conversationBytes = Encoding.UTF8.GetByteCount(stored[Turns.ConversationKey("Dx3kQ9bWvF2Hc7LrTz1-ca")].Json);
        var userBytes = Encoding.UTF8.GetByteCount(stored[Turns.UserKey("dl_7c9e6679f42b4e0da3b1c2d3e4f5a6b7")].Json);
        output.WriteLine($"conversation state: {conversationBytes} bytes of JSON; user state: {userBytes} bytes of JSON");

        Assert.InRange(conversationBytes, 50, 1024);
        Assert.InRange(userBytes, 20, 1024);
    }

    protected override SqliteBackend CreateBackend() => new();

    private sealed class SessionShape
    {
        public int Version { get; set; } = 1;

        public List<FrameShape> Stack { get; set; } = [];

        public bool Welcomed { get; set; }

        public bool IndigenousFirst { get; set; }

        public string? SessionKey { get; set; }
    }

    private sealed class FrameShape
    {
        public string Flow { get; set; } = "";

        public string Step { get; set; } = "";

        public int Retries { get; set; }

        public Dictionary<string, string>? Values { get; set; }
    }

    private sealed class ProfileShape
    {
        public string? Locale { get; set; }

        public bool LocaleChosen { get; set; }

        public string? AgeBand { get; set; }

        public string? Region { get; set; }

        public string? Audience { get; set; }
    }
}
