namespace AwarenessBot.Catalog;

/// <summary>An age band a person picks (a range, never an age).</summary>
/// <param name="Code">9-12, 13-15, 16-18, 19+.</param>
/// <param name="Adult">Services only for under-18s are never shown; the directory ranks as for an adult.</param>
/// <param name="ReadabilityCeiling">The highest grade content for the band may reach.</param>
public sealed record AgeBandDefinition(string Code, bool Adult, double ReadabilityCeiling)
{
    /// <summary>The key the service directory ranks by whatever the audience (19+: adult); null: the audience's.</summary>
    public string? ServiceAudience { get; init; }

    /// <summary>
    /// Every age in the band is under 18 (9-12, 13-15; not 16-18, which holds 18): a young person who said it is never
    /// shown services only for adults or workers.
    /// </summary>
    public bool Under18 { get; init; }
}

/// <summary>Who the person is (youth, worker, educator, parent, concerned).</summary>
/// <param name="Code">The profile's audience.</param>
/// <param name="ContentAudience">The key content variants are picked by; null: the age band decides.</param>
/// <param name="ServiceAudience">The key the service directory ranks by.</param>
/// <param name="Adult">Services only for under-18s are never shown.</param>
/// <param name="ReadabilityCeiling">The highest grade content for this audience may reach (when it is a content audience).</param>
public sealed record AudienceDefinition(string Code, string? ContentAudience, string ServiceAudience, bool Adult, double? ReadabilityCeiling)
{
    /// <summary>
    /// Its content variants speak to someone writing about another person: picked for a crisis raised by such a
    /// message, never from the profile (a worried person can be in crisis too, and the flag is a guess).
    /// </summary>
    public bool ThirdPerson { get; init; }

    /// <summary>
    /// An adult writing about a child or students (a parent, a teacher): an age after its phrases ("my daughter is 12",
    /// "my students are 14") is the child's band, kept beside this audience, whose content variants speak to the adult.
    /// </summary>
    public bool AboutAChild { get; init; }
}

/// <summary>An anonymous programme event: its name and the only dimension keys it may carry.</summary>
public sealed record AnalyticsEventDefinition(string Name, IReadOnlySet<string> Dimensions);

/// <summary>A language a service may answer in, named in each locale ("do they speak Tagalog?").</summary>
/// <param name="Code">ISO 639 code as services list it (en, iu, mic).</param>
/// <param name="Name">Its name per locale.</param>
public sealed record SpokenLanguage(string Code, IReadOnlyDictionary<string, string> Name);

/// <summary>A time zone as service hours name it, per locale ("Eastern time", "heure de l'Est").</summary>
public sealed record TimeZoneName(string Id, IReadOnlyDictionary<string, string> Label);
