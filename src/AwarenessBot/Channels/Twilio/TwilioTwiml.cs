using global::Twilio.TwiML;
using global::Twilio.TwiML.Messaging;

namespace AwarenessBot.Channels.Twilio;

/// <summary>
/// The webhook's answer as TwiML, built with Twilio's own MessagingResponse: one &lt;Message&gt; per body, in order
/// (the webhook answers with TwiML: https://twilio.com/docs/usage/webhooks/sms-webhooks). No body: an empty &lt;Response/&gt;, which sends nothing.
/// </summary>
internal static class TwilioTwiml
{
    public static IResult Result(IReadOnlyList<string> bodies)
    {
        var response = new MessagingResponse();
        foreach (var body in bodies)
        {
            response.Append(new Message(body));
        }

        return Results.Text(response.ToString(), "text/xml", System.Text.Encoding.UTF8);
    }
}
