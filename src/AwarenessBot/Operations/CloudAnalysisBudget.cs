using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.DependencyInjection;
using AwarenessBot.Analysis.Local;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Operations;

/// <summary>
/// When Azure AI Language is configured: its HTTP client gets connect and request timeouts within the budget before
/// any call is made, the analyzer is built while the host starts (not on the first turn), and every analysis runs
/// under <see cref="BudgetedTextAnalyzer"/>'s hard deadline with its outcome recorded for readiness.
/// </summary>
internal static class CloudAnalysisBudget
{
    /// <summary>The Analysis library's named client for analyze-text (AzureLanguageClient.HttpClientName).</summary>
    public const string HttpClientName = "AwarenessBot.Analysis.AzureLanguage";

    public static IServiceCollection AddCloudAnalysisBudget(this IServiceCollection services)
    {
        services.AddSingleton<CloudAnalysisOutcomes>();
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = Budget(provider),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .ConfigureHttpClient((provider, client) => client.Timeout = Budget(provider));

        // Decorate whatever ITextAnalyzer the Analysis library chose; the local analyzer needs no budget.
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ITextAnalyzer))
            ?? throw new InvalidOperationException("AddTextAnalysis must run before AddCloudAnalysisBudget.");
        services.Replace(ServiceDescriptor.Singleton<ITextAnalyzer>(provider =>
        {
            var inner = (ITextAnalyzer)registered.ImplementationFactory!(provider);
            return provider.GetRequiredService<IOptions<TextAnalysisOptions>>().Value.AzureEnabled
                ? ActivatorUtilities.CreateInstance<BudgetedTextAnalyzer>(provider, inner)
                : inner;
        }));
        services.AddHostedService<AnalyzerWarmup>();
        return services;
    }

    private static TimeSpan Budget(IServiceProvider provider) =>
        TimeSpan.FromMilliseconds(provider.GetRequiredService<IOptions<TextAnalysisOptions>>().Value.Azure.BudgetMilliseconds);

    /// <summary>
    /// Builds the analyzer (its resilience pipeline, its HTTP handler) and runs the local pass once while the host
    /// starts, so the first person's turn does not pay for compiling lexicons and regular expressions.
    /// </summary>
    private sealed class AnalyzerWarmup(IServiceProvider services, IHttpClientFactory clients, LocalTextAnalyzer local) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<ITextAnalyzer>();
            using var _ = clients.CreateClient(HttpClientName);
            local.Analyze("Hello, where can I find help? Bonjour, où trouver de l'aide ?");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
