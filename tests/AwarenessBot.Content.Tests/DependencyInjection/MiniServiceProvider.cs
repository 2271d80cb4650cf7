using Microsoft.Extensions.DependencyInjection;

namespace AwarenessBot.Content.Tests.DependencyInjection;

/// <summary>
/// Just enough of a container to resolve singletons registered by AddContentRepository (the full container package
/// is not referenced by the test project). Last registration wins, as in the real container.
/// </summary>
internal sealed class MiniServiceProvider(IServiceCollection services) : IServiceProvider
{
    private readonly Dictionary<Type, object> _singletons = [];

    public object? GetService(Type serviceType)
    {
        if (_singletons.TryGetValue(serviceType, out var existing))
        {
            return existing;
        }

        var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
        if (descriptor is null)
        {
            return null;
        }

        var instance = descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(this)
            ?? ActivatorUtilities.CreateInstance(this, descriptor.ImplementationType!);
        _singletons[serviceType] = instance;
        return instance;
    }
}
