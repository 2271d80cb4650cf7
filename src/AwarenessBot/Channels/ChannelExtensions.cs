using AwarenessBot.Channels.Twilio;
using AwarenessBot.Channels.WhatsApp;

namespace AwarenessBot.Channels;

/// <summary>
/// Provider channels without Azure Bot Service: Twilio SMS at /api/sms/twilio and the WhatsApp Cloud API at
/// /api/whatsapp. Each is off (404) until its settings are present; turns run through the host's turn runner.
/// </summary>
internal static class ChannelExtensions
{
    public static IServiceCollection AddProviderChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ChannelTurnRunner>();
        services.AddTwilioSms(configuration);
        services.AddWhatsApp(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapProviderChannels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTwilioSms();
        endpoints.MapWhatsApp();
        return endpoints;
    }
}
