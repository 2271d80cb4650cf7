using System.Collections.Frozen;
using AwarenessBot.Turns;
using Microsoft.Bot.Schema;

namespace AwarenessBot.BotFramework;

/// <summary>
/// What <c>/api/messages</c> accepts before the SDK sees it, so bad input is a clear 400 instead of an exception
/// deep in the adapter (a 500): the fields the SDK relies on are present and well formed, ids are short and plain,
/// the channel is one the bot knows, text is capped like Direct Line's. Messages never quote the input.
/// </summary>
internal static class ConnectorActivityRules
{
    public const int MaxIdLength = 256;
    public const int MaxConversationIdLength = 512;

    private static readonly FrozenSet<string> Types = new[]
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Event, ActivityTypes.Invoke,
        ActivityTypes.Typing, ActivityTypes.EndOfConversation, ActivityTypes.ContactRelationUpdate,
        ActivityTypes.DeleteUserData, ActivityTypes.InstallationUpdate, ActivityTypes.MessageReaction,
        ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.Suggestion, ActivityTypes.Trace,
        ActivityTypes.Handoff, ActivityTypes.Command, ActivityTypes.CommandResult,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> DeliveryModesAccepted = new[]
    {
        DeliveryModes.Normal, DeliveryModes.ExpectReplies, DeliveryModes.Notification, DeliveryModes.Ephemeral,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when the activity may go to the adapter; otherwise what is wrong, in words that never echo input.</summary>
    public static string? Problem(Activity activity, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Type) || !Types.Contains(activity.Type))
        {
            return "The activity has no type, or a type the bot does not know.";
        }

        if (!KnownChannels.IsKnown(activity.ChannelId))
        {
            return "The channelId is missing or not a channel this bot serves.";
        }

        if (!IsHttpUrl(activity.ServiceUrl))
        {
            return "The serviceUrl is missing or not an absolute http(s) URL.";
        }

        if (activity.DeliveryMode is { Length: > 0 } mode && !DeliveryModesAccepted.Contains(mode))
        {
            return "The deliveryMode is not one of normal, expectReplies, notification, ephemeral.";
        }

        if (!IsPlainId(activity.Conversation?.Id, MaxConversationIdLength))
        {
            return $"conversation.id is missing, longer than {MaxConversationIdLength} characters, or has characters other than printable ASCII.";
        }

        if (!IsPlainId(activity.From?.Id, MaxIdLength))
        {
            return $"from.id is missing, longer than {MaxIdLength} characters, or has characters other than printable ASCII.";
        }

        if ((activity.Id is not null && !IsPlainId(activity.Id, MaxIdLength))
            || (activity.Recipient?.Id is not null && !IsPlainId(activity.Recipient.Id, MaxIdLength))
            || (activity.ReplyToId is not null && !IsPlainId(activity.ReplyToId, MaxIdLength)))
        {
            return $"An id is empty, longer than {MaxIdLength} characters, or has characters other than printable ASCII.";
        }

        if (activity.Locale is { } locale && !LanguageTag.IsValid(locale))
        {
            return "The locale is not a language tag.";
        }

        return activity.Text is { Length: var length } && length > maxTextLength
            ? $"The message is longer than {maxTextLength} characters."
            : null;
    }


    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0
        && uri.Host.Length > 0;

    /// <summary>Printable ASCII without quotes, angle brackets, backslash or backtick: safe in keys, logs and HTML.</summary>
    public static bool IsPlainId(string? id, int maxLength) =>
        !string.IsNullOrEmpty(id) && id.Length <= maxLength && id.All(c => c is > ' ' and <= '~' and not ('<' or '>' or '"' or '\'' or '\\' or '`'));
}
