using AwarenessBot.Analysis.Abstractions;

namespace AwarenessBot.Analysis.Risk;

internal sealed record CompiledRule(string Id, RiskCategory Category, RiskSeverity Severity);
