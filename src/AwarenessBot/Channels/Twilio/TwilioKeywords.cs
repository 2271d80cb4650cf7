namespace AwarenessBot.Channels.Twilio;

/// <summary>
/// The carrier keywords. Twilio handles the standard English opt-out words itself on long codes (STOP, UNSUBSCRIBE,
/// END, QUIT, STOPALL, REVOKE, OPTOUT, CANCEL; opt back in with START, UNSTOP, YES; HELP, INFO): it sends the
/// confirmation and blocks later messages to that number until the person opts back in
/// (https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out). With Advanced Opt-Out the webhook also carries
/// <c>OptOutType</c> (STOP, START, HELP), which wins over the word list. YES is left to the conversation: here it is
/// far more often an answer than a re-subscription.
/// </summary>
internal static class TwilioKeywords
{
    private static readonly HashSet<string> OptOut = new(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> OptIn = new(["START", "UNSTOP"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Help = new(["HELP", "INFO"], StringComparer.OrdinalIgnoreCase);

    public static CarrierKeyword Classify(string? body, string? optOutType)
    {
        switch (optOutType?.Trim().ToUpperInvariant())
        {
            case "STOP": return CarrierKeyword.OptOut;
            case "START": return CarrierKeyword.OptIn;
            case "HELP": return CarrierKeyword.Help;
        }

        // Only a message that is the keyword alone (any case, surrounding spaces and a final "." or "!") counts.
        var word = (body ?? "").Trim().TrimEnd('.', '!').Trim();
        return OptOut.Contains(word) ? CarrierKeyword.OptOut
            : OptIn.Contains(word) ? CarrierKeyword.OptIn
            : Help.Contains(word) ? CarrierKeyword.Help
            : CarrierKeyword.None;
    }
}

internal enum CarrierKeyword
{
    None,
    OptOut,
    OptIn,
    Help,
}
