using Microsoft.Extensions.Options;

namespace AwarenessBot.Channels.Twilio;

internal static class TwilioExtensions
{
    public static IServiceCollection AddTwilioSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        services.AddSingleton<TwilioReplySender>();
        services.AddHttpClient(TwilioReplySender.HttpClientName)
            .AddHttpMessageHandler(sp => new ProviderResilienceHandler(ProviderResilience.Create(sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RetryDelay)));
        return services;
    }
}

internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var errors = new List<string>();
        if (options.MaxMessageLength is < 160 or > 1600)
        {
            errors.Add("Twilio:MaxMessageLength must be between 160 and 1600 (Twilio's body limit).");
        }

        if (options.Enabled && options.ReplyMode == TwilioReplyMode.Rest && string.IsNullOrEmpty(options.AccountSid))
        {
            errors.Add("Twilio:AccountSid is required when Twilio:ReplyMode is Rest.");
        }

        if (!string.IsNullOrEmpty(options.WebhookUrl) && !Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out _))
        {
            errors.Add("Twilio:WebhookUrl must be an absolute URL.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
