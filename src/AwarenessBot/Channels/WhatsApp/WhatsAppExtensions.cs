using Microsoft.Extensions.Options;

namespace AwarenessBot.Channels.WhatsApp;

internal static class WhatsAppExtensions
{
    public static IServiceCollection AddWhatsApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WhatsAppOptions>().Bind(configuration.GetSection(WhatsAppOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WhatsAppOptions>, WhatsAppOptionsValidator>();
        services.AddSingleton<WhatsAppGraphClient>();
        services.AddSingleton<WhatsAppInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<WhatsAppInbox>());
        services.AddHttpClient(WhatsAppGraphClient.HttpClientName)
            .AddHttpMessageHandler(sp => new ProviderResilienceHandler(ProviderResilience.Create(sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.RetryDelay)));
        return services;
    }
}

internal sealed class WhatsAppOptionsValidator : IValidateOptions<WhatsAppOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppOptions options)
    {
        var errors = new List<string>();
        var any = !string.IsNullOrEmpty(options.AppSecret) || !string.IsNullOrEmpty(options.AccessToken) || !string.IsNullOrEmpty(options.PhoneNumberId);
        if (any && !options.Enabled)
        {
            errors.Add("WhatsApp:AppSecret, WhatsApp:AccessToken and WhatsApp:PhoneNumberId are needed together.");
        }

        if (!options.GraphBaseUrl.IsAbsoluteUri)
        {
            errors.Add("WhatsApp:GraphBaseUrl must be an absolute URL.");
        }

        if (options.QueueCapacity < 1)
        {
            errors.Add("WhatsApp:QueueCapacity must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
