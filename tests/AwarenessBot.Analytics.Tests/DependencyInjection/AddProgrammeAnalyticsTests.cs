using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwarenessBot.Analytics.Tests.DependencyInjection;

public sealed class AddProgrammeAnalyticsTests
{
    [Fact]
    public async Task Without_a_storage_provider_events_go_to_the_in_process_store_through_the_writer()
    {
        await using var provider = Services().AddProgrammeAnalytics(new AnalyticsOptions()).BuildServiceProvider();

        Assert.IsType<MemoryAnalyticsStore>(provider.GetRequiredService<IAnalyticsStore>());
        Assert.IsType<ChannelAnalyticsSink>(provider.GetRequiredService<IAnalyticsSink>());
        Assert.IsType<AnalyticsWriter>(Assert.Single(provider.GetServices<IHostedService>()));
    }

    [Fact]
    public async Task A_store_registered_by_a_storage_provider_is_kept()
    {
        var store = new MemoryAnalyticsStore();
        await using var provider = Services()
            .AddSingleton<IAnalyticsStore>(store)
            .AddProgrammeAnalytics(new AnalyticsOptions())
            .BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IAnalyticsStore>());
    }

    [Fact]
    public void A_buffer_of_no_events_is_refused_at_registration()
    {
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddProgrammeAnalytics(new AnalyticsOptions { BufferCapacity = 0 }));
    }

    /// <summary>Only what the writer needs from a host: loggers.</summary>
    private static IServiceCollection Services() => new ServiceCollection().AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
}
