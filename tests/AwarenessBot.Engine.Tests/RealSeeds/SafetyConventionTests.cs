using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Loading;
using AwarenessBot.Engine.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using AwarenessBot.Testing.Replies;

namespace AwarenessBot.Engine.Tests.RealSeeds;

/// <summary>
/// Safety conventions over the real dialogs, content and directory (issue 13), for every locale, audience and channel:
/// every crisis answer names 911 and shows the 911 entry (with its no-911 note); a person who said 19+ (or a worker)
/// is never shown a service only for under-18s; no service reply says "closed" unless a weekly schedule was sourced.
/// </summary>
public sealed class SafetyConventionTests
{
    private static readonly Lazy<(IContentRepository Content, IServiceDirectory Services, IDialogEngine Engine)> Real = new(() =>
    {
        var provider = new ServiceCollection().AddContentRepository(Paths.Seeds).BuildServiceProvider();
        var content = provider.GetRequiredService<IContentRepository>();
        var services = provider.GetRequiredService<IServiceDirectory>();
        return (content, services, EngineFactory.Create(Paths.Dialogs, Paths.Seeds, content, services));
    });

    // Tuesday 2026-12-01, 03:00 in Toronto: night everywhere, when offices are closed.
    private static readonly DateTimeOffset Night = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] Crises = ["immediate_danger", "self_harm", "child_sexual_exploitation", "labour_exploitation"];
    private static readonly string[] Locales = ["en", "fr", "es", "tl"];
    private static readonly string[] Channels = ["webchat", "sms", "msteams"];
    private static readonly string[] Regions = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"];

    /// <summary>(audience, age band): every kind of person the welcome can produce, and someone who skipped it.</summary>
    private static readonly (string? Audience, string? AgeBand)[] People =
    [
        ("youth", "9-12"), ("youth", "13-15"), ("youth", "16-18"), ("youth", "19+"), ("worker", null), ("educator", null), ("parent", null), ("parent", "13-15"), ("concerned", null), (null, null),
    ];

    private static readonly (string? Audience, string? AgeBand)[] Adults = [("youth", "19+"), ("worker", null)];

    [Fact]
    public void Every_crisis_answer_names_911_on_every_channel_in_every_locale_for_everyone()
    {
        var problems = new List<string>();
        foreach (var crisis in Crises)
        foreach (var locale in Locales)
        foreach (var channel in Channels)
        foreach (var person in People)
        foreach (var thirdPerson in new[] { false, true })
        {
            var replies = Run(person, locale, channel, region: null, ("I need help", new CrisisSignal(crisis, "high") { ThirdPerson = thirdPerson }));
            var where = $"{crisis}/{locale}/{channel}/{person.Audience ?? "-"}/{person.AgeBand ?? "-"}{(thirdPerson ? "/third person" : "")}";
            var first = replies.FirstOrDefault();
            if (first is null || !first.ResponseKey.StartsWith("system_crisis_", StringComparison.Ordinal))
                problems.Add(where + ": the crisis answer does not come first");
            else if (!CrisisText(replies).Contains("911", StringComparison.Ordinal))
                problems.Add(where + ": the crisis text does not name 911");
            if (!replies.Any(r => r.ResponseKey == "service:ca_911"))
                problems.Add(where + ": the 911 entry (with what to do where there is no 911) is not shown");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    [Fact]
    public void A_crisis_about_someone_else_speaks_to_the_worried_person_with_the_same_lines_in_every_locale()
    {
        var problems = new List<string>();
        foreach (var crisis in Crises)
        foreach (var locale in Locales)
        foreach (var person in People)
        {
            var about = Run(person, locale, "webchat", "ON", ("help", new CrisisSignal(crisis, "high") { ThirdPerson = true }));
            var own = Run(person, locale, "webchat", "ON", ("help", new CrisisSignal(crisis, "high")));
            var where = $"{crisis}/{locale}/{person.Audience ?? "-"}/{person.AgeBand ?? "-"}";
            if (about.FirstOrDefault() is not { ResponseKey: var key, Audience: "concerned", Locale: var shown } || !key.StartsWith("system_crisis_", StringComparison.Ordinal) || shown != locale)
                problems.Add(where + ": the crisis answer is not the variant for someone worried about another person, in the person's language");
            if (own.FirstOrDefault()?.Audience == "concerned")
                problems.Add(where + ": a crisis about the person got the variant for someone else");
            if (!Services(about).SequenceEqual(Services(own)))
                problems.Add(where + ": the lines differ (" + string.Join(",", Services(about)) + " vs " + string.Join(",", Services(own)) + ")");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));

        static IEnumerable<string> Services(IEnumerable<BotReply> replies) =>
            replies.Select(r => r.ResponseKey).Where(k => k.StartsWith("service:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_check_in_about_someone_else_offers_the_suicide_line_only_for_self_harm_and_cybertip_for_a_child_online()
    {
        var problems = new List<string>();
        foreach (var crisis in Crises)
        foreach (var locale in Locales)
        foreach (var person in People)
        {
            // A frame about pictures for the sexual-exploitation category (the parent's "a man is asking her for pics").
            var signal = new CrisisSignal(crisis, CrisisSignal.CheckIn) { ThirdPerson = true, Rule = crisis == "child_sexual_exploitation" ? "cse.image_pressure" : "model" };
            var replies = Run(person, locale, "webchat", "ON", ("help", signal));
            var lines = replies.Select(r => r.ResponseKey).Where(k => k.StartsWith("service:", StringComparison.Ordinal)).ToList();
            var where = $"{crisis}/{locale}/{person.Audience ?? "-"}/{person.AgeBand ?? "-"}: {string.Join(",", lines)}";
            if (!lines.Contains("service:ca_911")) problems.Add(where + ": no 911");
            if (crisis != "self_harm" && lines.Contains("service:ca_988")) problems.Add(where + ": the suicide line for a situation that is not self-harm");
            if (crisis == "self_harm" && !lines.Contains("service:ca_988")) problems.Add(where + ": no suicide line for self-harm");
            var adult = Adults.Contains(person);
            if (crisis == "child_sexual_exploitation" && !adult && !lines.Contains("service:ca_cybertip")) problems.Add(where + ": no Cybertip.ca for a child exploited online");
            var answer = replies.FirstOrDefault();
            if (crisis == "child_sexual_exploitation"
                && (answer?.ResponseKey != "system_check_in_someone_else_child_sexual_exploitation" || answer.Audience != "concerned" || answer.Locale != locale))
                problems.Add(where + ": not the worried adult's check-in for a child exploited online, in the person's language");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    [Theory]
    [InlineData("en", "Don't pay", "confront")]
    [InlineData("fr", "payer", "confronte")]
    [InlineData("es", "no pague", "confrontes")]
    [InlineData("tl", "magbayad", "komprontahin")]
    public void The_worried_persons_general_exploitation_answer_fits_any_exploitation_of_a_child(string locale, string noPay, string noConfront)
    {
        // The general answer (the model, or a sextortion frame) reaches grooming, a controlling "boyfriend", pictures
        // and secret meetings the frames did not name: Cybertip.ca for reporting, the trafficking hotline for someone
        // who controls or sells a child, 911, "don't confront the adult" - and still "don't pay" for a threat.
        var replies = Run(("concerned", null), locale, "webchat", null, ("help", new CrisisSignal("child_sexual_exploitation", "high") { ThirdPerson = true, Rule = "model" }));

        Assert.Contains(replies, r => r.ResponseKey == "system_crisis_child_sexual_exploitation" && r.Audience == "concerned" && r.Locale == locale);
        var text = CrisisText(replies);
        foreach (var id in new[] { "ca_cybertip", "ca_human_trafficking_hotline", "ca_911" })
            Assert.Contains(Real.Value.Services.FindById(id, locale, Night)!.Name, text, StringComparison.Ordinal);
        Assert.Contains(noConfront, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(noPay, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("en", "my son is being blackmailed, someone says they will post his nudes unless he pays")]
    [InlineData("fr", "mon fils se fait faire du chantage, quelqu'un dit qu'il va publier ses nudes s'il ne paie pas")]
    [InlineData("es", "a mi hijo lo estan chantajeando, dicen que van a publicar sus fotos desnudo si no paga")]
    [InlineData("tl", "bina-blackmail ang anak ko, sabi nila ipo-post nila ang nudes niya kung hindi siya magbabayad")]
    public void A_parents_sextortion_report_opens_the_sextortion_topic_written_for_the_parent(string locale, string text)
    {
        // "my son" makes the writer a parent (slots.yaml); triage reads sextortion about someone else.
        var replies = Run((null, null), locale, "webchat", null, (text, new CrisisSignal("child_sexual_exploitation", "high") { ThirdPerson = true, Rule = "cse.sextortion" }));

        var keys = replies.Select(r => r.ResponseKey).Distinct().ToList();
        Assert.Equal("system_crisis_child_sexual_exploitation", keys[0]);
        Assert.Contains(replies, r => r.ResponseKey == "sextortion_what_to_do" && r.Audience == "parent" && r.Locale == locale);
        Assert.DoesNotContain("image_requests", keys);
        Assert.DoesNotContain("service:ca_988", keys);
    }

    [Fact]
    public void The_911_entry_says_what_to_do_where_there_is_no_911_in_every_locale()
    {
        foreach (var locale in Locales)
        {
            var view = Real.Value.Services.FindById("ca_911", locale, Night)!;
            Assert.Contains("RC", view.Note, StringComparison.Ordinal); // RCMP / GRC
        }
    }

    [Fact]
    public void A_person_who_said_19_plus_or_a_worker_is_never_shown_an_under_18_service()
    {
        var problems = new List<string>();
        var shown = 0;
        foreach (var person in Adults)
        foreach (var locale in new[] { "en", "fr" })
        {
            foreach (var crisis in Crises)
                problems.AddRange(MinorsOnly(Run(person, locale, "webchat", "ON", ("help", new CrisisSignal(crisis, "high")))).Select(id => $"{crisis}: {id}"));
            foreach (var region in Regions)
            foreach (var need in Real.Value.Services.Needs)
            {
                var replies = Run(person, locale, "webchat", region, ("find help", null), (need, null));
                shown += replies.Count(r => r.ResponseKey.StartsWith("service:", StringComparison.Ordinal));
                problems.AddRange(MinorsOnly(replies).Select(id => $"find_help {need} {region}: {id}"));
            }
            problems.AddRange(MinorsOnly(Run(person, locale, "webchat", "MB", ("online safety", null), ("get_help", null))).Select(id => "online_safety get_help: " + id));
            problems.AddRange(MinorsOnly(Run(person, locale, "webchat", "MB", ("talk to a person", null))).Select(id => "talk to a person: " + id));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(40)));
        Assert.True(shown > 2 * 2 * Regions.Length * 7, $"only {shown} services were shown: the sweep did not reach find_help's results");
    }

    [Fact]
    public void Young_people_still_get_the_youth_services_in_the_exploitation_crisis()
    {
        var replies = Run(("youth", "13-15"), "en", "webchat", "ON", ("help", new CrisisSignal("child_sexual_exploitation", "high")));
        Assert.Contains(replies, r => r.ResponseKey == "service:ca_needhelpnow");
        Assert.Contains(replies, r => r.ResponseKey == "service:ca_kids_help_phone");
        var text = CrisisText(replies);
        Assert.Contains("block", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Don't pay", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("safe adult", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_service_is_shown_closed_unless_a_weekly_schedule_was_sourced()
    {
        var problems = new List<string>();
        foreach (var locale in new[] { "en", "fr" })
        foreach (var region in Regions)
        foreach (var need in Real.Value.Services.Needs)
        foreach (var reply in Run(("concerned", null), locale, "webchat", region, ("find help", null), (need, null)))
        {
            if (!reply.ResponseKey.StartsWith("service:", StringComparison.Ordinal)) continue;
            var view = Real.Value.Services.FindById(reply.ResponseKey["service:".Length..], locale, Night)!;
            var labelled = reply.Words().Contains("(Closed now)", StringComparison.Ordinal) || reply.Words().Contains("(Fermé)", StringComparison.Ordinal)
                || reply.Words().Contains("(Open now)", StringComparison.Ordinal) || reply.Words().Contains("(Ouvert", StringComparison.Ordinal);
            if (labelled && (!view.HasWeeklyHours || view.Is24x7))
                problems.Add($"{view.Id} ({locale}) carries an open/closed label: {view.HoursText}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// <summary>The crisis item's messages (one reply each), together.</summary>
    private static string CrisisText(IEnumerable<BotReply> replies) =>
        string.Join("\n", replies.Where(r => r.ResponseKey.StartsWith("system_crisis_", StringComparison.Ordinal)).Select(r => r.Words()));

    private static IEnumerable<string> MinorsOnly(IReadOnlyList<BotReply> replies) =>
        replies.Where(r => r.ResponseKey.StartsWith("service:", StringComparison.Ordinal))
            .Select(r => r.ResponseKey["service:".Length..])
            .Where(id => Real.Value.Services.FindById(id, "en", Night)?.ForMinorsOnly == true);

    private static List<BotReply> Run((string? Audience, string? AgeBand) person, string locale, string channel, string? region,
        params (string Text, CrisisSignal? Crisis)[] turns)
    {
        var session = new DialogSessionState();
        var profile = new UserProfileState
        {
            Locale = locale,
            LocaleChosen = true,
            Audience = person.Audience,
            AgeBand = person.AgeBand,
            Region = region,
        };
        var engine = Real.Value.Engine;
        // The welcome has run (the person is at the main menu), so the turns below are what they would see.
        session.Welcomed = true;
        var replies = new List<BotReply>();
        foreach (var (text, crisis) in turns)
        {
            var result = engine.RunTurn(new TurnInput(TurnKind.Message, text, channel, null, null, crisis, Night), session, profile);
            replies = [.. result.Replies];
        }

        return replies;
    }
}
