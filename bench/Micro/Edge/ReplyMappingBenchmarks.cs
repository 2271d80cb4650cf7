using AwarenessBot.BotFramework;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.DirectLine;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Rendering;
using AwarenessBot.Turns;
using BenchmarkDotNet.Attributes;
using Micro.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Micro.Edge;

/// <summary>
/// One turn's replies from the engine's structured replies to what a channel sends, the host's share of a turn after
/// the engine: the rich renderer (webchat), the triage mark on a turn that answered a risk, then either the Bot
/// Connector edge's mapping to SDK Activities (<c>OutgoingActivity.From</c>, before <c>ActivityJsonWriter</c> writes
/// them) or the Direct Line channel's activities written as the log keeps them (<c>DirectLineActivityJson</c>). Four
/// replies as a crisis turn gives them: a paragraph, a service card, a second card, a menu of three choices (test text,
/// the real channel wording). Only the public entry points are called, so the same file measures any version of them.
/// </summary>
[MemoryDiagnoser]
public class ReplyMappingBenchmarks
{
    private static readonly CrisisSignal Triage = new("immediate_danger", "high") { Rule = "frame:threat" };
    private static readonly DirectLineAddress Address = new("conv-000123", "user-000123", "awarenessbot", "AwarenessBot", "https://localhost/");
    private IReplyRenderer _renderer = null!;
    private BotReply[] _turn = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = new ServiceCollection().AddContentRepository(SeedsFolder.Seeds).BuildServiceProvider().GetRequiredService<IContentRepository>();
        _renderer = new ReplyRenderers(new ChannelWordingText(content)).For("webchat");
        ServiceContact[] contacts =
        [
            new(ContactKind.Phone, "Call", "1-800-555-0100", "tel:+18005550100"),
            new(ContactKind.TextLine, "Text", "686868", "sms:686868"),
            new(ContactKind.Website, "Website", "https://example.org", "https://example.org"),
        ];
        _turn =
        [
            new("system_crisis_immediate_danger", [new Paragraph([new TextRun("If you are in danger now, call "), new StrongRun("911"), new TextRun(". See "), new LinkRun("the guide", "https://example.org/guide"), new TextRun(".")])], [], "en"),
            new("service:ca_911", [new ServiceCard("ca_911", "Emergency", "24/7", new OpenNowState(true, "Open now"), contacts, "For everyone.")], [], "en"),
            new("service:test", [new ServiceCard("test", "Test Line", "24/7", new OpenNowState(true, "Open now"), contacts, "For everyone.")], [], "en"),
            new("system_crisis_menu", [new Paragraph([new TextRun("What would help now? "), AnswerHintRun.Instance])],
                [new ReplyChoice("yes", "Yes"), new ReplyChoice("tell_adult", "Tell an adult you trust", "Tell an adult"), new ReplyChoice("menu", "Menu")], "en"),
        ];
    }

    [Benchmark(Baseline = true)]
    public int ConnectorTurn() => Connector(_renderer.Render(_turn));

    [Benchmark]
    public int ConnectorCrisisTurn() => Connector(TriageChannelData.Mark(_renderer.Render(_turn), Triage));

    [Benchmark]
    public int DirectLineCrisisTurn()
    {
        var length = 0;
        var sequence = 0L;
        foreach (var message in TriageChannelData.Mark(_renderer.Render(_turn), Triage))
        {
            var activity = DirectLineActivityJson.Reply(message, Address, "f3b1c2d4");
            length += DirectLineActivityJson.Stamp(activity, Address.ConversationId, ++sequence, DateTimeOffset.UnixEpoch).Length;
        }

        return length;
    }

    private static int Connector(IReadOnlyList<OutgoingMessage> messages)
    {
        var count = 0;
        foreach (var message in messages)
        {
            count += OutgoingActivity.From(message).ChannelData is null ? 0 : 1;
        }

        return count;
    }
}
