using System.Text.RegularExpressions;

namespace AwarenessBot.Analysis.PersonalData;

/// <summary>
/// Source-generated regexes (compiled at build, culture-invariant, 1 s timeout). See seeds/lexicons/README.md
/// ("Personal data") for what each one is meant to catch and what it deliberately misses.
/// </summary>
internal static partial class PersonalDataPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    // The timeout is wall-clock time: at 50 ms a thread descheduled on a loaded two-core machine timed out on "write
    // to jess.m@example.com please", and a timed-out kind is skipped, so the address went unredacted. These patterns
    // are linear or close to it over a message (at most 2,000 characters by default); the timeout only stops a
    // pathological input.
    private const int TimeoutMs = 1000;

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", Options, TimeoutMs)]
    public static partial Regex Email();

    /// <summary>Nine digits, grouped 3-3-3 by spaces or dashes or not at all; the caller checks Luhn.</summary>
    [GeneratedRegex(@"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{3}(?![\d-])", Options, TimeoutMs)]
    public static partial Regex SinCandidate();

    /// <summary>Canadian postal code A1A 1A1 (letters D, F, I, O, Q, U never used; W, Z never first).</summary>
    [GeneratedRegex(@"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b", Options | RegexOptions.IgnoreCase, TimeoutMs)]
    public static partial Regex PostalCode();

    /// <summary>
    /// Passports: 2 letters + 6–7 digits (Canada, older Philippine and many others), P + 7 digits + letter (Philippines),
    /// a letter + 8 digits (Mexico); IRCC work permits, visitor records and TRPs: U, W or T + 9 digits.
    /// </summary>
    [GeneratedRegex(@"\b([A-Z]{2}\d{6,7}|P\d{7}[A-Z]|[A-Z]\d{8}|[UWT]\d{9})\b", Options | RegexOptions.IgnoreCase, TimeoutMs)]
    public static partial Regex DocumentNumber();

    /// <summary>Number then street word (en: "12 Maple Street", fr: "450 rue Saint-Denis", es: "35 avenida Juárez").</summary>
    [GeneratedRegex(
        @"\b\d{1,5}[A-Za-z]?,?(\s+[\p{L}'’.-]+){0,3}?\s+(street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|crescent|cres|place|pl|terrace|highway|hwy)\b\.?"
        + @"|\b\d{1,5}[A-Za-z]?,?\s+(rue|avenue|av|boulevard|boul|chemin|ch|route|rang|place|allée|allee|montée|montee|côte|cote|calle|avenida|carrera|camino)\b(\s+[\p{L}'’-]+){1,3}"
        + @"|\b(calle|avenida|carrera|camino)\s+([\p{L}'’-]+\s+){1,3}?(#\s*|no\.?\s*)?\d{1,5}\b",
        Options | RegexOptions.IgnoreCase,
        TimeoutMs)]
    public static partial Regex StreetAddress();

    /// <summary>A name only after a self-introduction cue; the cue is kept, the (one or two) name words are the span.</summary>
    [GeneratedRegex(
        @"(?i:\b(my\s+name\s+is|my\s+names|my\s+name's|my\s+name’s|call\s+me|je\s+m['’]?appelle|mon\s+nom\s+est|me\s+llamo|mi\s+nombre\s+es|ako\s+si|pangalan\s+ko\s+(ay\s+)?(si\s+)?))\s+(?<name>\p{L}[\p{L}'’-]*(\s+\p{Lu}[\p{L}'’-]*)?)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeoutMs)]
    public static partial Regex NameAfterCue();
}
