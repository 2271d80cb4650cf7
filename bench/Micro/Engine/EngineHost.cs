using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.DependencyInjection;
using Micro.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Micro.Engine;

/// <summary>The engine as the host builds it (content repository + service directory + flows from the real folders).</summary>
internal static class EngineHost
{
    public static (ServiceProvider Provider, IDialogEngine Engine) Build()
    {
        var provider = new ServiceCollection()
            .AddContentRepository(SeedsFolder.Seeds)
            .AddDialogEngine(SeedsFolder.Dialogs, SeedsFolder.Seeds)
            .BuildServiceProvider();
        return (provider, provider.GetRequiredService<IDialogEngine>());
    }

    public static DialogSessionState Clone(DialogSessionState state) => new()
    {
        Version = state.Version,
        Welcomed = state.Welcomed,
        IndigenousFirst = state.IndigenousFirst,
        SessionKey = state.SessionKey,
        Stack = [.. state.Stack.Select(f => new DialogFrame
        {
            Flow = f.Flow,
            Step = f.Step,
            Retries = f.Retries,
            Values = f.Values is null ? null : new Dictionary<string, string>(f.Values),
        })],
    };

    public static UserProfileState Clone(UserProfileState profile) => new()
    {
        Locale = profile.Locale,
        LocaleChosen = profile.LocaleChosen,
        AgeBand = profile.AgeBand,
        Region = profile.Region,
        Audience = profile.Audience,
    };
}
