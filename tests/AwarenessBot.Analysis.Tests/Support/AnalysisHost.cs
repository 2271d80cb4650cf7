using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AwarenessBot.Analysis.Tests.Support;

/// <summary>The analysis services as the host registers them, with every log captured.</summary>
internal sealed class AnalysisHost : IDisposable
{
    private AnalysisHost(ServiceProvider services)
    {
        Services = services;
    }

    public ServiceProvider Services { get; }

    public ITextAnalyzer Analyzer => Services.GetRequiredService<ITextAnalyzer>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static AnalysisHost Create(IDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddTextAnalysis(configuration, Seeds.Directory);
        return new AnalysisHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <remarks>
    /// Tests that count requests use a 3 s budget: the first HTTP call of a test process pays JIT and connection set-up,
    /// which can exceed the production 800 ms budget and turn an expected retry into a timeout.
    /// </remarks>
    public static Dictionary<string, string?> AzureSettings(string endpoint, int maxRetries = 2, int budgetMs = 3000, int circuitMinimumThroughput = 10) => new()
    {
        ["TextAnalysis:Azure:AttemptTimeoutMilliseconds"] = (budgetMs * 3 / 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TextAnalysis:Azure:Endpoint"] = endpoint,
        ["TextAnalysis:Azure:Key"] = "test-key",
        ["TextAnalysis:Azure:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TextAnalysis:Azure:BudgetMilliseconds"] = budgetMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TextAnalysis:Azure:CircuitMinimumThroughput"] = circuitMinimumThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task StartAsync()
    {
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public void Dispose() => Services.Dispose();
}
