namespace AwarenessBot.Engine.Abstractions;

/// <summary>
/// The content items the edge's renderers read for channel wording: how to answer (an <see cref="AnswerHintRun"/>),
/// the numbered-list prompt of text-only channels and the list button of WhatsApp. The engine never shows them
/// itself; the validator requires them like the items the engine shows (EngineRequirements.ContentKeys).
/// </summary>
public static class ChannelWording
{
    /// <summary>The answer hint where choices are buttons (or a list to tap).</summary>
    public const string AnswerButtons = "channel_answer_buttons";

    /// <summary>The answer hint where choices are a numbered list in the text.</summary>
    public const string AnswerNumbers = "channel_answer_numbers";

    /// <summary>Under a numbered list of one, two or three choices: "Reply 1.", "Reply 1 or 2.", "Reply 1, 2 or 3.".</summary>
    public static readonly IReadOnlyList<string> ReplyNumbers = ["channel_reply_one", "channel_reply_two", "channel_reply_three"];

    /// <summary>Under a longer numbered list: "Reply with a number from 1 to {count}.".</summary>
    public const string ReplyMany = "channel_reply_many";

    /// <summary>The placeholder for the last number in <see cref="ReplyMany"/>.</summary>
    public const string CountPlaceholder = "{count}";

    /// <summary>The button that opens a WhatsApp list message.</summary>
    public const string ListButton = "channel_list_button";

    /// <summary>Added to the SMS answer to HELP: carriers expect it to say how to stop.</summary>
    public const string SmsHelpFooter = "channel_sms_help_footer";

    public static IReadOnlyList<string> Keys { get; } = [AnswerButtons, AnswerNumbers, .. ReplyNumbers, ReplyMany, ListButton, SmsHelpFooter];
}
