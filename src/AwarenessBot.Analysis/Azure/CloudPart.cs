using AwarenessBot.Analysis.Abstractions;

namespace AwarenessBot.Analysis.Azure;

/// <summary>What one cloud call added (language or personal data), or <see cref="Unavailable"/> when the fallback ran.</summary>
internal sealed record CloudPart(string? Language, double LanguageConfidence, IReadOnlyList<PersonalDataMatch>? PersonalData)
{
    public static CloudPart Unavailable { get; } = new(null, 0, null);

    public bool IsAvailable => Language is not null || PersonalData is not null;
}
