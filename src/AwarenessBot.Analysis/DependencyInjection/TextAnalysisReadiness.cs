namespace AwarenessBot.Analysis.DependencyInjection;

/// <summary>Set once the lexicons and language profiles are loaded; read by the health check.</summary>
public sealed class TextAnalysisReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public int RuleCount { get; private set; }

    public IReadOnlyList<string> Locales { get; private set; } = [];

    internal void MarkReady(int ruleCount, IReadOnlyList<string> locales)
    {
        RuleCount = ruleCount;
        Locales = locales;
        _ready = true;
    }
}
