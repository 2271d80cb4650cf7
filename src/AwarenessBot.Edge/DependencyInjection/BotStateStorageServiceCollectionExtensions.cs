using AwarenessBot.Edge.State;
using AwarenessBot.Storage.State;
using Microsoft.Bot.Builder;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so Program.cs needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Bot Framework state over the storage library.</summary>
public static class BotStateStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStorage"/> over the <see cref="IStateStore"/> that <c>AddBotStorage</c> registered
    /// (call that first). A factory registration, so tests can wrap the registered storage.
    /// </summary>
    public static IServiceCollection AddBotStateStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IStorage>(sp => new BotStateStorage(sp.GetRequiredService<IStateStore>()));
        return services;
    }
}
