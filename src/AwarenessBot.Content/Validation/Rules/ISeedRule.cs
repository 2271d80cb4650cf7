using AwarenessBot.Content.Loading;

namespace AwarenessBot.Content.Validation.Rules;

/// <summary>One meaning rule (stage two, after the schema). Rules add issues; they never throw.</summary>
internal interface ISeedRule
{
    void Check(LoadedSeeds seeds, IssueCollector issues);
}
