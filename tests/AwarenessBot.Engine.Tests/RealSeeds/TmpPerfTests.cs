using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Engine.Loading;
using AwarenessBot.Engine.Tests.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AwarenessBot.Engine.Tests.RealSeeds;

public sealed class TmpPerfTests(ITestOutputHelper output)
{
    [Fact]
    public void Perf()
    {
        var provider = new ServiceCollection().AddContentRepository(Fakes.Paths.Seeds).BuildServiceProvider();
        var engine = EngineFactory.Create(Fakes.Paths.Dialogs, Fakes.Paths.Seeds, provider.GetRequiredService<IContentRepository>(), provider.GetRequiredService<IServiceDirectory>());
        var c = new Conversation(engine).AtMainMenu();
        string[] loop = ["2", "7", "yes", "no", "help", "no", "no", "ontario", "main menu", "my boss took my passport", "2", "done", "3", "5", "3"];
        for (var i = 0; i < 50; i++) foreach (var t in loop) c.Say(t);
        var w = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 300; i++) foreach (var t in loop) c.Say(t);
        output.WriteLine($"real seeds: {w.Elapsed.TotalMicroseconds / (300 * loop.Length):F1} µs per turn");
    }
}
