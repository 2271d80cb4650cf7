using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Loading;

namespace AwarenessBot.Engine.Tests.Fakes;

/// <summary>The engine over the real dialogs/ and seeds/intents with fake content and services, built once.</summary>
internal static class TestEngine
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<(IDialogEngine Engine, FakeServiceDirectory Services)> Shared = new(() =>
    {
        var services = new FakeServiceDirectory();
        return (EngineFactory.Create(Paths.Dialogs, Paths.Seeds, new FakeContentRepository(), services), services);
    });

    public static IDialogEngine Engine => Shared.Value.Engine;

    public static IDialogEngine CreateFresh(out FakeServiceDirectory services)
    {
        services = new FakeServiceDirectory();
        return EngineFactory.Create(Paths.Dialogs, Paths.Seeds, new FakeContentRepository(), services);
    }
}
