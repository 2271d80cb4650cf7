using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Content.Repository;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.DependencyInjection;
using AwarenessBot.Engine.Snapshots;
using AwarenessBot.Engine.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwarenessBot.Engine.Tests.Runtime;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddDialogEngine_registers_a_singleton_over_the_data_snapshot()
    {
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddContentRepository(Paths.Seeds)
            .AddDialogEngine(Paths.Dialogs, Paths.Seeds);
        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IDialogEngine));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IDialogEngine>();
        var result = engine.RunTurn(new TurnInput(TurnKind.ConversationStart, null, "webchat", null, null, null, TestEngine.Now),
            new DialogSessionState(), new UserProfileState());
        Assert.Equal("system_welcome_intro", result.Replies[0].ResponseKey);
        // One load: the host's content repository starts from the snapshot's content.
        Assert.True(provider.GetRequiredService<IContentRepository>().Exists("system_welcome_intro"));
        Assert.Equal(provider.GetRequiredService<DataSnapshotHolder>().Current.LoadedAt, provider.GetRequiredService<IContentHealth>().LoadedAt);
    }
}
