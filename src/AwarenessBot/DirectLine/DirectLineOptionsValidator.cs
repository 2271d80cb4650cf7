using Microsoft.Extensions.Options;

namespace AwarenessBot.DirectLine;

/// <summary>Refuses to start with settings that would make the channel unsafe or unusable; lists every problem at once.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public const int MinimumSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.TokenSecret) && options.TokenSecret.Length < MinimumSecretLength)
        {
            errors.Add($"DirectLine:TokenSecret must be at least {MinimumSecretLength} characters (or empty for a per-process random secret).");
        }

        Require(errors, options.TokenLifetime >= TimeSpan.FromMinutes(1) && options.TokenLifetime <= TimeSpan.FromHours(24), "DirectLine:TokenLifetime must be between 00:01:00 and 1.00:00:00.");
        Require(errors, options.ConversationIdleTimeout >= TimeSpan.FromMinutes(1), "DirectLine:ConversationIdleTimeout must be at least 00:01:00.");
        Require(errors, options.MaxConversations > 0, "DirectLine:MaxConversations must be positive.");
        Require(errors, options.MaxActivitiesPerConversation >= 10, "DirectLine:MaxActivitiesPerConversation must be at least 10.");
        Require(errors, options.MaxActivityBytes is >= 1024 and <= 1024 * 1024, "DirectLine:MaxActivityBytes must be between 1024 and 1048576.");
        Require(errors, options.MaxTextLength is > 0 and <= 100_000, "DirectLine:MaxTextLength must be between 1 and 100000.");
        Require(errors, options.RateLimitPermits > 0, "DirectLine:RateLimitPermits must be positive.");
        Require(errors, options.RateLimitWindow > TimeSpan.Zero, "DirectLine:RateLimitWindow must be positive.");
        Require(errors, options.KeepAliveInterval >= TimeSpan.FromSeconds(1), "DirectLine:KeepAliveInterval must be at least 00:00:01.");
        Require(errors, !string.IsNullOrWhiteSpace(options.BotId), "DirectLine:BotId must not be empty.");
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
