namespace AwarenessBot.Analysis.Lexicons;

/// <summary>One <c>seeds/lexicons/risk/&lt;locale&gt;.yaml</c> file, after schema validation.</summary>
internal sealed record RiskLexiconDefinition
{
    public required string Locale { get; init; }

    public required string Status { get; init; }

    public required string LastReviewed { get; init; }

    public List<string> NegationCues { get; init; } = [];

    public List<string> ClauseBreaks { get; init; } = [];

    public List<string> ElisionPrefixes { get; init; } = [];

    public Dictionary<string, string> Spelling { get; init; } = [];

    public List<FigurativeDefinition> Figurative { get; init; } = [];

    public required List<RiskRuleDefinition> Rules { get; init; }
}

/// <summary>A risk rule: any of its patterns raises a signal of its category and severity.</summary>
internal sealed record RiskRuleDefinition
{
    public required string Id { get; init; }

    public required string Category { get; init; }

    public required string Severity { get; init; }

    public string? Description { get; init; }

    public required List<string> Patterns { get; init; }
}

/// <summary>Figurative speech ("this exam is killing me"): a rule match overlapping one of these is dropped.</summary>
internal sealed record FigurativeDefinition
{
    public required string Id { get; init; }

    public string? Description { get; init; }

    public required List<string> Patterns { get; init; }
}
