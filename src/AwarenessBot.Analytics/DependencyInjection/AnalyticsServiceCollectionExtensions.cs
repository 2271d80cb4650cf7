using AwarenessBot.Analytics;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so callers need no extra using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers anonymous programme analytics: the sink turns record into, the writer, the suppressed query.</summary>
public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAnalyticsSink"/>, <see cref="IAnalyticsQuery"/> and <see cref="AnalyticsCounters"/>, and
    /// the background writer when enabled. The events go to the store a storage provider registered before this call,
    /// or to an in-process store when none did.
    /// </summary>
    public static IServiceCollection AddProgrammeAnalytics(this IServiceCollection services, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BufferCapacity <= 0)
        {
            throw new InvalidOperationException("The analytics buffer capacity must be positive.");
        }

        services.AddSingleton(options);
        services.TryAddSingleton<IAnalyticsStore, MemoryAnalyticsStore>();
        services.AddSingleton<AnalyticsCounters>();
        services.AddSingleton<IAnalyticsQuery, AnalyticsQuery>();
        if (!options.Enabled)
        {
            services.AddSingleton<IAnalyticsSink, DisabledAnalyticsSink>();
            return services;
        }

        services.AddSingleton<ChannelAnalyticsSink>();
        services.AddSingleton<IAnalyticsSink>(sp => sp.GetRequiredService<ChannelAnalyticsSink>());
        services.AddSingleton<AnalyticsWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalyticsWriter>());
        return services;
    }
}
