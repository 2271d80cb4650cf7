using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Azure;
using AwarenessBot.Analysis.Local;
using AwarenessBot.Analysis.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Analysis.DependencyInjection;

public static class TextAnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITextAnalyzer"/> (singleton): the local analyzer, or Azure AI Language with local fallback
    /// when "TextAnalysis:Azure:Endpoint" and ":Key" are set. Lexicons and the triage model
    /// (<c>seeds/models/triage.model</c>, <see cref="TriageModel"/>) load and validate while the host starts
    /// (a bad lexicon or model file stops start-up, naming the file). For /readyz add
    /// <c>.AddCheck&lt;TextAnalysisHealthCheck&gt;("text-analysis", tags: ["ready"])</c>.
    /// </summary>
    public static IServiceCollection AddTextAnalysis(this IServiceCollection services, IConfiguration configuration, string seedsDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(seedsDirectory);

        services.AddOptions<TextAnalysisOptions>().Bind(configuration.GetSection(TextAnalysisOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TextAnalysisOptions>, TextAnalysisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(_ => LocalTextAnalyzer.FromSeeds(seedsDirectory));
        services.TryAddSingleton(_ => TriageModel.FromSeeds(seedsDirectory));
        services.TryAddSingleton<TextAnalysisReadiness>();
        services.AddHostedService<TextAnalysisWarmup>();
        services.TryAddSingleton<TextAnalysisHealthCheck>();

        services.AddHttpClient(AzureLanguageClient.HttpClientName);
        services.TryAddSingleton<AzureLanguageClient>();
        services.TryAddSingleton<AzureTextAnalyzer>();
        services.TryAddSingleton<ITextAnalyzer>(provider =>
            provider.GetRequiredService<IOptions<TextAnalysisOptions>>().Value.AzureEnabled
                ? provider.GetRequiredService<AzureTextAnalyzer>()
                : provider.GetRequiredService<LocalTextAnalyzer>());
        return services;
    }
}
