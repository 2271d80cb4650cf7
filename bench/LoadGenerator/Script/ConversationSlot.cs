using System.Globalization;
using LoadGenerator.Protocol;

namespace LoadGenerator.Script;

/// <summary>
/// One conversation in the pool: where it is in the script and what the bot last offered. Only one worker holds a
/// slot at a time, so turns of one conversation never overlap (as with a person typing).
/// </summary>
internal sealed class ConversationSlot(string runId, int index, string channelId)
{
    private int _generation;
    private int _activity;

    public ConversationAddress Address { get; private set; } = NewAddress(runId, index, 0, channelId);

    public int StepIndex { get; private set; }

    public IReadOnlyList<OfferedAction> Offered { get; set; } = [];

    public ScriptStep Step => ConversationScript.Steps[StepIndex];

    public string NextActivityId() => string.Create(CultureInfo.InvariantCulture, $"a{++_activity}");

    /// <summary>Moves to the next step; after the last one a new conversation (new ids) starts in this slot.</summary>
    public void Advance()
    {
        if (++StepIndex < ConversationScript.Steps.Count)
        {
            return;
        }

        StepIndex = 0;
        Offered = [];
        Address = NewAddress(runId, index, ++_generation, channelId);
    }

    private static ConversationAddress NewAddress(string runId, int index, int generation, string channelId)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{runId}-{index}-{generation}");
        // Every third conversation is in French, so both locales' content and analysis paths are exercised.
        var locale = (index + generation) % 3 == 2 ? "fr-CA" : "en-CA";
        return new ConversationAddress(channelId, "conv-" + id, "user-" + id, locale);
    }
}
