using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.DependencyInjection;
using AwarenessBot.Engine.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Engine.Tests.Runtime;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddDialogEngine_registers_a_singleton_built_from_the_container()
    {
        var services = new ServiceCollection().AddDialogEngine(Paths.Dialogs, Paths.Seeds);
        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IDialogEngine));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        var provider = new TinyProvider(new FakeContentRepository(), new FakeServiceDirectory());
        var engine = Assert.IsAssignableFrom<IDialogEngine>(descriptor.ImplementationFactory!(provider));
        var result = engine.RunTurn(new TurnInput(TurnKind.ConversationStart, null, "webchat", null, null, null, TestEngine.Now),
            new DialogSessionState(), new UserProfileState());
        Assert.Equal("system_welcome_intro", result.Replies[0].ResponseKey);
    }

    private sealed class TinyProvider(IContentRepository content, IServiceDirectory directory) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IContentRepository) ? content : serviceType == typeof(IServiceDirectory) ? directory : null;
    }
}
