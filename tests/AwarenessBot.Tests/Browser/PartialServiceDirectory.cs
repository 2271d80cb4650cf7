using AwarenessBot.Content.Abstractions;

namespace AwarenessBot.Tests.Browser;

/// <summary>A directory that knows only the given services (to see how the page copes with missing ones).</summary>
internal sealed class PartialServiceDirectory(params ServiceView[] services) : IServiceDirectory
{
    public IReadOnlyList<string> Needs { get; } = ["danger_now"];

    public static ServiceView Service(string id, string name, string? phone = null, string? web = null) =>
        new(id, name, "hotline", ["CA"], phone, null, web, null, null, "24/7", true, true, ["en", "fr"], null);

    public IReadOnlyList<ServiceView> Find(ServiceQuery query) => services;

    public ServiceView? FindById(string serviceId, string locale, DateTimeOffset now) => services.FirstOrDefault(s => s.Id == serviceId);
}
