using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwarenessBot.Content.Tests.DependencyInjection;

public sealed class ContentServiceCollectionExtensionsTests
{
    [Fact]
    public void Repository_directory_and_health_share_one_lazily_loaded_snapshot()
    {
        using var seeds = SeedsFolder.CreateValid();
        var provider = Build(seeds.Path);
        var health = provider.GetRequiredService<IContentHealth>();

        Assert.False(health.IsLoaded);
        Assert.NotNull(provider.GetRequiredService<IContentRepository>().Find("fixture_worker_pay", "tl", "worker"));
        Assert.NotNull(provider.GetRequiredService<IServiceDirectory>().FindById("ca_211", "en", DateTimeOffset.UnixEpoch));
        Assert.True(health.IsLoaded);
        Assert.Equal(3, health.ItemCount);
        Assert.Equal(4, health.ServiceCount);
    }

    [Fact]
    public async Task Start_up_fails_fast_with_every_error()
    {
        using var seeds = SeedsFolder.CreateValid("id_mismatch", "service_time_zone");
        var provider = Build(seeds.Path);
        var startup = provider.GetRequiredService<IHostedService>();

        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => startup.StartAsync(CancellationToken.None));

        Assert.Contains(ex.Errors, e => e.File.EndsWith("fixture_wrong_name.yaml", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.File.EndsWith("on_fixture_zone.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Seeds_path_is_required() =>
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddContentRepository(o => o.HotReload = true));

    private static MiniServiceProvider Build(string seedsPath)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILogger<ContentStartupService>>(NullLogger<ContentStartupService>.Instance);
        services.AddContentRepository(seedsPath);
        return new MiniServiceProvider(services);
    }
}
