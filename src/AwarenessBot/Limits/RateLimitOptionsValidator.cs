using Microsoft.Extensions.Options;

namespace AwarenessBot.Limits;

/// <summary>Refuses limits that would switch protection off or lock everyone out; lists every problem at once.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Require(errors, options.AddressWindow >= TimeSpan.FromSeconds(1), "RateLimits:AddressWindow must be at least 00:00:01.");
        Require(errors, options.MessagesWindow >= TimeSpan.FromSeconds(1), "RateLimits:MessagesWindow must be at least 00:00:01.");
        Require(errors, options.RequestsPerAddress > 0, "RateLimits:RequestsPerAddress must be positive.");
        Require(errors, options.ConversationStartsPerAddress > 0, "RateLimits:ConversationStartsPerAddress must be positive.");
        Require(errors, options.MessagesPerConversation > 0, "RateLimits:MessagesPerConversation must be positive.");
        Require(errors, options.MessagesPerUser > 0, "RateLimits:MessagesPerUser must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, bool condition, string message)
    {
        if (!condition)
        {
            errors.Add(message);
        }
    }
}

/// <summary>Refuses proxy settings that cannot be parsed, at start-up rather than on the first request.</summary>
internal sealed class ClientAddressOptionsValidator : IValidateOptions<ClientAddressOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientAddressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        errors.AddRange(options.KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)).Select(p => "ForwardedHeaders:KnownProxies has an entry that is not an IP address."));
        errors.AddRange(options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n => "ForwardedHeaders:KnownNetworks has an entry that is not a CIDR network (e.g. 10.0.0.0/8)."));
        if (options.ForwardLimit < 1)
        {
            errors.Add("ForwardedHeaders:ForwardLimit must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
