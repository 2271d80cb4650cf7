using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Turns;
using AwarenessBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AwarenessBot.Tests.Conversations;

/// <summary>
/// The real host's container (content, engine, analyzer, turn runner, bot, in-memory state) with two seams for
/// conversation tests: the analyzer can be told what a turn's text "contains" (<see cref="ScriptedTextAnalyzer"/>),
/// and engine events are recorded instead of published (<see cref="RecordingEventPublisher"/>).
/// </summary>
public sealed class ConversationHostFactory : BotHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var analyzer = services.Last(d => d.ServiceType == typeof(ITextAnalyzer));
            services.RemoveAll<ITextAnalyzer>();
            services.AddSingleton<ITextAnalyzer>(sp => new ScriptedTextAnalyzer(Resolve<ITextAnalyzer>(sp, analyzer)));
            services.RemoveAll<IEngineEventPublisher>();
            services.AddSingleton<IEngineEventPublisher, RecordingEventPublisher>();
        });
    }

    private static T Resolve<T>(IServiceProvider provider, ServiceDescriptor descriptor)
        where T : class =>
        (T)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
