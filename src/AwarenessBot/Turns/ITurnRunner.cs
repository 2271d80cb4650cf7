namespace AwarenessBot.Turns;

/// <summary>
/// Runs one turn and hands back what to send, in order. Every channel calls it: Direct Line, Twilio SMS and WhatsApp
/// directly, Bot Connector channels through the thin SDK bot. A failed turn is answered (the safe error reply), never
/// thrown, so a channel only delivers.
/// </summary>
internal interface ITurnRunner
{
    Task<IReadOnlyList<OutgoingMessage>> RunAsync(ChannelTurn turn, CancellationToken cancellationToken);
}
