using AwarenessBot.Engine.Abstractions;

namespace Micro.Engine;

/// <summary>
/// The load generator's script (bench/LoadGenerator/Script) as engine inputs: greeting, English, young person, 13-15,
/// Ontario, the online-safety module, its first topic, a quiz answer, a disclosure, a crisis message (with the risk signal text
/// analysis would raise), delete my data, yes. Choices: the scripted one when offered, else the first offered.
/// </summary>
internal static class EngineScript
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    public static readonly (string? Text, string[] Prefer, CrisisSignal? Crisis)[] Steps =
    [
        (null, [], null),
        ("English", ["English"], null),
        ("young person", ["young", "youth"], null),
        ("13-15", ["13-15"], null),
        ("Ontario", ["Ontario", "ON"], null),
        ("1", ["1", "online"], null),
        ("1", ["grooming", "1"], null),
        ("1", [], null),
        ("someone online keeps asking me for photos", [], new CrisisSignal("child_sexual_exploitation", "medium")),
        ("he locked me in and says he will hurt me", [], new CrisisSignal("immediate_danger", "high")),
        ("delete my data", [], null),
        ("yes", ["yes"], null),
    ];

    /// <summary>Inputs for step <paramref name="index"/> given the choices the previous reply offered.</summary>
    public static TurnInput Input(int index, IReadOnlyList<ReplyChoice> offered)
    {
        var (text, prefer, crisis) = Steps[index];
        if (text is null)
        {
            return new TurnInput(TurnKind.ConversationStart, null, "webchat", "en-CA", null, null, Now);
        }

        var choose = index is >= 1 and <= 7 || index == 11;
        if (choose && offered.Count > 0)
        {
            text = prefer.Prepend(text)
                .Select(want => offered.FirstOrDefault(c => string.Equals(c.Id, want, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(c.Label, want, StringComparison.OrdinalIgnoreCase)
                    || (want.Length > 2 && c.Label.Contains(want, StringComparison.OrdinalIgnoreCase))))
                .FirstOrDefault(c => c is not null)?.Id ?? (offered.Count > 0 ? offered[0].Id : text);
        }

        return new TurnInput(TurnKind.Message, text, "webchat", "en-CA", "en", crisis, Now);
    }

    /// <summary>Plays the whole script on fresh state; returns the replies' count (so nothing is optimised away).</summary>
    public static int Play(IDialogEngine engine, DialogSessionState session, UserProfileState profile, int upTo = int.MaxValue)
    {
        IReadOnlyList<ReplyChoice> offered = [];
        var replies = 0;
        for (var i = 0; i < Math.Min(upTo, Steps.Length); i++)
        {
            var result = engine.RunTurn(Input(i, offered), session, profile);
            replies += result.Replies.Count;
            offered = result.Replies.Count == 0 ? [] : result.Replies[^1].Choices;
        }

        return replies;
    }
}
