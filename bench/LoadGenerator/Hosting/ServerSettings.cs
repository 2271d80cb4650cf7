namespace LoadGenerator.Hosting;

/// <summary>
/// The environment both hosts get: production settings, anonymous Bot Connector auth, storage in a fresh temporary
/// data directory. <c>Storage__Provider</c> and anything else set in our own environment pass through unchanged.
/// </summary>
internal sealed record ServerSettings(bool ServerGc, string DataRoot, IReadOnlyDictionary<string, string> Extra)
{
    public void Apply(IDictionary<string, string?> environment, string dataDirectory)
    {
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["MicrosoftAppId"] = "";
        environment["MicrosoftAppPassword"] = "";
        environment["Storage__DataDirectory"] = dataDirectory;

        // One load generator is one client address opening thousands of conversations: lift the abuse limits
        // (per address, per conversation, per user) so the figures measure the bot, not the rate limiter.
        environment["RateLimits__ConversationStartsPerAddress"] = "100000000";
        environment["RateLimits__RequestsPerAddress"] = "100000000";
        environment["RateLimits__MessagesPerConversation"] = "100000000";
        environment["RateLimits__MessagesPerUser"] = "100000000";
        environment["DirectLine__RateLimitPermits"] = "100000000";
        if (!ServerGc)
        {
            // Workstation GC: one heap, so RSS figures compare like for like on a small shared machine.
            environment["DOTNET_gcServer"] = "0";
        }

        foreach (var (name, value) in Extra)
        {
            environment[name] = value;
        }
    }
}
