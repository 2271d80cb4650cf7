using System.Text.Json.Nodes;

namespace AwarenessBot.Content.Loading;

/// <summary>One service as written in seeds/services/&lt;region&gt;/&lt;id&gt;.yaml.</summary>
internal sealed record ServiceDefinition
{
    public string Id { get; init; } = string.Empty;

    public Dictionary<string, string> Name { get; init; } = [];

    public string Kind { get; init; } = string.Empty;

    public List<string> Needs { get; init; } = [];

    public List<string> Regions { get; init; } = [];

    public List<string> Languages { get; init; } = [];

    /// <summary>True when interpreters make the service reachable in many more languages than those listed.</summary>
    public bool Interpretation { get; init; }

    public ContactsDefinition Contacts { get; init; } = new();

    /// <summary>
    /// "24/7", "online", "unknown", or a <see cref="WeeklyHoursDefinition"/> object (mapped by <see cref="Services.HoursReader"/>).
    /// </summary>
    public JsonNode? Hours { get; init; }

    public List<string> Audience { get; init; } = [];

    public Dictionary<string, string>? Notes { get; init; }

    public Dictionary<string, string>? Confidentiality { get; init; }

    /// <summary>free | means_tested (free for people who qualify, e.g. legal aid) | null: the sources do not say.</summary>
    public string? Cost { get; init; }

    public bool IndigenousLed { get; init; }

    /// <summary>True when the source says the service helps only people under 18 (never shown to a person who said 19+).</summary>
    public bool ForMinorsOnly { get; init; }

    public List<SourceLinkDefinition> Sources { get; init; } = [];

    public string LastVerified { get; init; } = string.Empty;

    public string? VerificationNote { get; init; }
}

/// <summary>Hours as a weekly schedule in one IANA time zone, with an optional note per locale.</summary>
internal sealed record WeeklyHoursDefinition
{
    public string TimeZone { get; init; } = string.Empty;

    public List<OpeningDefinition> Schedule { get; init; } = [];

    public Dictionary<string, string>? Note { get; init; }
}

/// <summary>
/// One opening: the days it starts on (mon … sun), and open and close as "HH:MM". Close "24:00" is the end of the day;
/// a close before open runs past midnight into the next day. A day in no opening is closed.
/// </summary>
internal sealed record OpeningDefinition
{
    public List<string> Days { get; init; } = [];

    public string Open { get; init; } = string.Empty;

    public string Close { get; init; } = string.Empty;
}

internal sealed record ContactsDefinition
{
    public string? Phone { get; init; }

    public TextLineDefinition? Text { get; init; }

    public string? Web { get; init; }

    /// <summary>The page in a locale's language where the service publishes one per language; other locales get Web.</summary>
    public Dictionary<string, string>? WebByLocale { get; init; }

    public string? Chat { get; init; }

    public string? Email { get; init; }
}

internal sealed record TextLineDefinition
{
    public string Number { get; init; } = string.Empty;

    public string? Keyword { get; init; }
}
