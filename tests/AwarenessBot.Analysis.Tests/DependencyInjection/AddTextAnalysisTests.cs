using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.DependencyInjection;
using AwarenessBot.Analysis.Local;
using AwarenessBot.Analysis.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AwarenessBot.Analysis.Tests.DependencyInjection;

public sealed class AddTextAnalysisTests
{
    [Fact]
    public async Task Without_azure_settings_the_local_analyzer_is_used()
    {
        using var host = AnalysisHost.Create(new Dictionary<string, string?>());

        var result = await host.Analyzer.AnalyzeAsync("he locked me in", null, CancellationToken.None);

        Assert.IsType<LocalTextAnalyzer>(host.Analyzer);
        Assert.Equal("local", result.Provider);
    }

    [Fact]
    public void With_endpoint_and_key_the_azure_provider_is_used()
    {
        using var host = AnalysisHost.Create(AnalysisHost.AzureSettings("https://example.cognitiveservices.azure.com"));

        Assert.Equal("AzureTextAnalyzer", host.Analyzer.GetType().Name);
        Assert.Same(host.Analyzer, host.Analyzer);
    }

    [Theory]
    [InlineData("https://example.cognitiveservices.azure.com", null, "both Endpoint and Key")]
    [InlineData("http://example.com", "key", "absolute https URL")]
    [InlineData("not a url", "key", "absolute https URL")]
    public void Half_or_wrong_azure_settings_fail_validation(string endpoint, string? key, string expected)
    {
        using var host = AnalysisHost.Create(new Dictionary<string, string?>
        {
            ["TextAnalysis:Azure:Endpoint"] = endpoint,
            ["TextAnalysis:Azure:Key"] = key,
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<TextAnalysisOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Budget_out_of_range_fails_validation()
    {
        var settings = AnalysisHost.AzureSettings("https://example.cognitiveservices.azure.com");
        settings["TextAnalysis:Azure:BudgetMilliseconds"] = "0";
        using var host = AnalysisHost.Create(settings);

        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<TextAnalysisOptions>>().Value);
    }

    [Fact]
    public async Task Health_check_is_ready_once_the_host_has_started()
    {
        using var host = AnalysisHost.Create(new Dictionary<string, string?>());
        var check = host.Services.GetRequiredService<TextAnalysisHealthCheck>();

        var before = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
        await host.StartAsync();
        var after = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Invalid_seeds_stop_the_host_at_start()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTextAnalysis(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), Path.GetTempPath());
        await using var provider = services.BuildServiceProvider();

        var warmUp = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Single();

        await Assert.ThrowsAsync<AwarenessBot.Analysis.Lexicons.LexiconValidationException>(() => warmUp.StartAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Registered_analyzer_satisfies_the_contract_for_the_first_message()
    {
        using var host = AnalysisHost.Create(new Dictionary<string, string?>());
        ITextAnalyzer analyzer = host.Analyzer;

        var result = await analyzer.AnalyzeAsync("he locked me in and says he'll hurt me", null, CancellationToken.None);

        Assert.Equal(RiskSeverity.High, result.Strongest?.Severity);
        Assert.Equal(RiskCategory.ImmediateDanger, result.Strongest?.Category);
        Assert.Equal("en", result.Language);
    }
}
