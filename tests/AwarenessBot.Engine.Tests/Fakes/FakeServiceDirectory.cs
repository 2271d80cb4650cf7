using AwarenessBot.Content.Abstractions;

namespace AwarenessBot.Engine.Tests.Fakes;

/// <summary>
/// A small directory with the real service ids and obviously fake contacts (555 numbers, .invalid sites): enough to
/// check routing by need, region, IndigenousFirst and the rendering of buttons. Never shown to anyone.
/// </summary>
internal sealed class FakeServiceDirectory : IServiceDirectory
{
    private static readonly ServiceView[] Services =
    [
        Make("ca_911", "911", phone: "911"),
        Make("ca_human_trafficking_hotline", "Canadian Human Trafficking Hotline", phone: "1-800-555-0101", chat: "https://hotline.invalid/chat", web: "https://hotline.invalid"),
        Make("ca_kids_help_phone", "Kids Help Phone", phone: "1-800-555-0102", text: "555000", web: "https://khp.invalid"),
        Make("ca_988", "988", phone: "988", text: "988"),
        Make("ca_hope_for_wellness", "Hope for Wellness", phone: "1-800-555-0103", kind: "indigenous"),
        Make("ca_cybertip", "Cybertip.ca", web: "https://cybertip.invalid"),
        Make("ca_needhelpnow", "NeedHelpNow.ca", web: "https://needhelpnow.invalid"),
        Make("ca_tfw_tip_line", "TFW tip line", phone: "1-800-555-0104", is24x7: false, open: true),
        Make("ca_ircc_open_work_permit_vulnerable_workers", "Open work permit for vulnerable workers", web: "https://ircc.invalid", is24x7: false, open: false),
        Make("ca_211", "211", phone: "211"),
        Make("ca_crime_stoppers", "Crime Stoppers", phone: "1-800-555-0105"),
        Make("on_indigenous_shelter", "Indigenous shelter (ON)", phone: "1-800-555-0106", regions: ["ON"], kind: "indigenous"),
        Make("on_worker_centre", "Worker centre (ON)", phone: "1-800-555-0107", regions: ["ON"], is24x7: false, open: false),
        Make("qc_shelter", "Refuge (QC)", phone: "1-800-555-0108", regions: ["QC"], kind: "shelter") with
        {
            Cost = "free", Confidentiality = "Anonymous and confidential.", Audience = ["adult"], Languages = ["fr", "es"], Interpretation = true,
        },
    ];

    private static readonly Dictionary<string, string[]> ByNeed = new(StringComparer.Ordinal)
    {
        ["danger_now"] = ["ca_911", "ca_human_trafficking_hotline"],
        ["trafficking"] = ["ca_human_trafficking_hotline", "ca_crime_stoppers"],
        ["work_exploitation"] = ["on_worker_centre", "ca_tfw_tip_line", "ca_human_trafficking_hotline"],
        ["online_exploitation"] = ["ca_needhelpnow", "ca_cybertip", "ca_kids_help_phone", "ca_human_trafficking_hotline"],
        ["shelter"] = ["qc_shelter", "ca_211", "on_indigenous_shelter"],
        ["counselling"] = ["ca_kids_help_phone", "ca_988", "ca_hope_for_wellness"],
        ["legal_immigration"] = ["ca_ircc_open_work_permit_vulnerable_workers", "ca_211"],
        ["employment_standards"] = ["on_worker_centre"],
        ["self_harm"] = ["ca_988", "ca_kids_help_phone", "ca_hope_for_wellness"],
        ["general_help"] = ["ca_211", "ca_human_trafficking_hotline"],
    };

    public List<ServiceQuery> Queries { get; } = [];

    public IReadOnlyList<string> Needs => [.. ByNeed.Keys];

    public IReadOnlyList<ServiceView> Find(ServiceQuery query)
    {
        Queries.Add(query);
        var candidates = ByNeed.GetValueOrDefault(query.Need, []).Select(id => Services.First(s => s.Id == id))
            .Where(s => s.Regions.Contains("CA") || s.Regions.Contains(query.Region ?? "CA"));
        var ranked = candidates
            .OrderBy(s => query.IndigenousFirst && s.Kind == "indigenous" ? 0 : 1)
            .ThenBy(s => s.Regions.Contains("CA") ? 1 : 0);
        return ranked.Take(query.Limit).ToList();
    }

    public ServiceView? FindById(string serviceId, string locale, DateTimeOffset now) => Services.FirstOrDefault(s => s.Id == serviceId);

    private static ServiceView Make(string id, string name, string? phone = null, string? text = null, string? web = null, string? chat = null,
        string[]? regions = null, string kind = "helpline", bool is24x7 = true, bool open = true) =>
        new(id, name, kind, regions ?? ["CA"], phone, text, web, chat, null, is24x7 ? "24/7" : "Mon-Fri 9-5", is24x7, open, ["en", "fr"], null)
        {
            HasWeeklyHours = !is24x7,
            ForMinorsOnly = id is "ca_needhelpnow" or "ca_cybertip" or "ca_kids_help_phone",
            Audience = ["all"],
        };
}
