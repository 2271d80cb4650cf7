using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Loading;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Validation;
using AwarenessBot.Testing.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AwarenessBot.Engine.Tests.RealSeeds;

/// <summary>
/// The real dialogs/ against the real content repository and service directory over seeds/ (src/AwarenessBot.Content):
/// every content id, locale, need and service id the flows use must exist, and the conversations still play.
/// Every transcript runs, relaxed for real data (which services and which quiz answer are the data's business).
/// </summary>
public sealed class RealSeedsTests(ITestOutputHelper output)
{
    private static readonly Lazy<(IContentRepository Content, IServiceDirectory Services)> Real = new(() =>
    {
        var provider = new ServiceCollection().AddContentRepository(Paths.Seeds).BuildServiceProvider();
        return (provider.GetRequiredService<IContentRepository>(), provider.GetRequiredService<IServiceDirectory>());
    });

    public static TheoryData<string> Transcripts() => Runtime.TranscriptTests.Files();

    [Fact]
    public void Real_dialogs_validate_against_the_real_content_and_services()
    {
        var report = FlowValidator.Validate(Paths.Dialogs, Real.Value.Content, Real.Value.Services, Paths.Intents);
        output.WriteLine(report.ToString());
        Assert.True(report.IsValid, report.ToString());
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Transcript_plays_with_real_seeds(string name)
    {
        var engine = EngineFactory.Create(Paths.Dialogs, Paths.Seeds, Real.Value.Content, Real.Value.Services);
        var transcript = TranscriptRelaxation.ForRealData(TranscriptParser.Load(Paths.TestData(Path.Combine("Transcripts", name + ".yaml"))));
        await TranscriptRunner.RunAsync(transcript, new EngineTranscriptDriver(engine, TestEngine.Now));
    }

    /// <summary>
    /// Issue 12: the TFW tip line's hours (Mon-Fri 06:30-20:00 Toronto) showed in English inside French, Spanish and
    /// Tagalog replies. The day names, times and zone now come from the catalog in the reply's language.
    /// </summary>
    [Theory]
    [InlineData("en", "my boss took my passport and won't let me leave", "Mon-Fri 06:30-20:00 (Eastern time)")]
    [InlineData("fr", "mon patron a pris mon passeport et il ne me laisse pas sortir", "lun. au ven., de 6 h 30 à 20 h 00 (heure de l'Est)")]
    [InlineData("es", "mi patron me quito el pasaporte y no me deja salir", "lun. a vie., de 06:30 a 20:00 (hora del Este)")]
    [InlineData("tl", "kinuha ng amo ko ang passport ko at hindi ako pinapalabas", "Lun-Biy, 06:30-20:00 (Eastern time)")]
    public async Task Service_hours_are_written_in_the_reply_language(string locale, string text, string hours)
    {
        var engine = EngineFactory.Create(Paths.Dialogs, Paths.Seeds, Real.Value.Content, Real.Value.Services);
        var driver = new EngineTranscriptDriver(engine, TestEngine.Now);
        await driver.SendAsync(new TranscriptTurn(0, 0, true, null, "webchat", null, null, null, [], null, [], null), CancellationToken.None);

        await driver.SendAsync(new TranscriptTurn(1, 0, false, text, "webchat", null, locale, "labour_exploitation", [], null, [], null), CancellationToken.None);

        var card = driver.LastResult!.Replies.SelectMany(r => r.Parts).OfType<ServiceCard>().Single(c => c.ServiceId == "ca_tfw_tip_line");
        Assert.StartsWith(hours, card.Hours, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 12 (nav21): the line that says which province or territory the services are for wrote the catalog's short
    /// button label ("Colombie-Brit."); it writes the full name of seeds/intents/regions.yaml in the reply's language.
    /// </summary>
    [Theory]
    [InlineData("fr", "j'habite à Surrey mais je travaille à Calgary, j'ai besoin d'un refuge", "Colombie-Britannique", "Colombie-Brit.")]
    [InlineData("fr", "je vis à Charlottetown mais je travaille à Moncton, j'ai besoin d'un refuge", "Île-du-Prince-Édouard", "Î.-P.-É.")]
    [InlineData("en", "i live in yellowknife but work in edmonton, i need a shelter", "Northwest Territories", "Northwest Terr.")]
    public async Task The_services_line_names_the_region_in_full(string locale, string text, string name, string shortLabel)
    {
        var engine = EngineFactory.Create(Paths.Dialogs, Paths.Seeds, Real.Value.Content, Real.Value.Services);
        var driver = new EngineTranscriptDriver(engine, TestEngine.Now);
        await driver.SendAsync(new TranscriptTurn(0, 0, true, null, "webchat", null, null, null, [], null, [], null), CancellationToken.None);

        var result = await driver.SendAsync(new TranscriptTurn(1, 0, false, text, "webchat", null, locale, null, [], null, [], null), CancellationToken.None);

        var line = driver.LastResult!.Replies.Single(r => r.ResponseKey == "system_services_region_used");
        var written = string.Concat(line.Parts.OfType<Paragraph>().SelectMany(p => p.Inlines).OfType<TextRun>().Select(t => t.Text));
        Assert.Contains(name, written, StringComparison.Ordinal);
        Assert.DoesNotContain(shortLabel, written, StringComparison.Ordinal);
        Assert.Contains("system_services_region_used", result.ResponseKeys);
    }

    /// <summary>
    /// Issue 12: "chu a montreal" after the labour answer listed Québec's sexual-violence services (no need: every
    /// service of the region); the crisis flow's need (work_exploitation) now carries into them.
    /// </summary>
    [Fact]
    public async Task A_region_after_the_labour_answer_lists_that_regions_services_for_work()
    {
        var engine = EngineFactory.Create(Paths.Dialogs, Paths.Seeds, Real.Value.Content, Real.Value.Services);
        var driver = new EngineTranscriptDriver(engine, TestEngine.Now);
        await driver.SendAsync(new TranscriptTurn(0, 0, false, "j'ai peur, ils nous enferment la nuit apres le travail", "webchat", null, "fr",
            "labour_exploitation", [], null, [], null), CancellationToken.None);

        var result = await driver.SendAsync(new TranscriptTurn(1, 0, false, "chu a montreal", "webchat", null, null, null, [], null, [], null), CancellationToken.None);

        Assert.Contains("service:qc_cnesst", result.ResponseKeys);
        Assert.DoesNotContain("service:qc_info_aide_violence_sexuelle", result.ResponseKeys);
    }

    /// <summary>
    /// A 14-year-old asked for pictures, who then named Québec City, was shown a shelter for adult women and a
    /// Filipino workers' organisation: a young person who said an under-18 age never gets services not for young
    /// people. A parent whose child is 14 still does.
    /// </summary>
    [Theory]
    [InlineData("im 14 and a guy on insta keeps asking for pics of me in a bikini", false)]
    [InlineData("my daughter is 14 and a guy on insta keeps asking her for pics in a bikini", true)]
    public async Task A_young_person_under_18_gets_no_service_for_adults_or_workers(string text, bool adultServicesAllowed)
    {
        var engine = EngineFactory.Create(Paths.Dialogs, Paths.Seeds, Real.Value.Content, Real.Value.Services);
        var driver = new EngineTranscriptDriver(engine, TestEngine.Now);
        await driver.SendAsync(new TranscriptTurn(0, 0, false, text, "webchat", null, "en",
            "child_sexual_exploitation", [], null, [], null), CancellationToken.None);

        var result = await driver.SendAsync(new TranscriptTurn(1, 0, false, "i live in quebec city", "webchat", null, null, null, [], null, [], null), CancellationToken.None);

        var shown = result.ResponseKeys.Where(k => k.StartsWith("service:qc_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shown);
        var notForYoungPeople = shown.Where(k => k is "service:qc_pinay_quebec" or "service:qc_maison_de_marthe").ToList();
        if (adultServicesAllowed) Assert.NotEmpty(notForYoungPeople);
        else Assert.Empty(notForYoungPeople);
    }

    /// <summary>
    /// Issue 12: a region typed after the self-harm answer listed that region's trafficking services (TRACIAS, victim
    /// services); the crisis flow's need (self_harm) now gives that region's crisis line first.
    /// </summary>
    [Fact]
    public async Task A_region_after_the_self_harm_answer_lists_that_regions_crisis_line()
    {
        var engine = EngineFactory.Create(Paths.Dialogs, Paths.Seeds, Real.Value.Content, Real.Value.Services);
        var driver = new EngineTranscriptDriver(engine, TestEngine.Now);
        await driver.SendAsync(new TranscriptTurn(0, 0, false, "i want to kill myself", "webchat", null, "en",
            "self_harm", [], null, [], null), CancellationToken.None);

        var result = await driver.SendAsync(new TranscriptTurn(1, 0, false, "im in winnipeg", "webchat", null, null, null, [], null, [], null), CancellationToken.None);

        Assert.Equal("service:mb_suicide_prevention_support_line", result.ResponseKeys[0]);
        Assert.DoesNotContain("service:mb_tracias_trust", result.ResponseKeys);
    }

    /// <summary>
    /// Issue 12 (nav24): at the region question a message that is only a place's name is where the person is, whatever
    /// the intent model reads in it: "shippagan" (a New Brunswick fishing town) was read as "they pay" ("pagan") and
    /// opened the pay topic again, on SMS, every time the worker answered, instead of New Brunswick's labour standards.
    /// </summary>
    [Theory]
    [InlineData("es", "no me han pagado 3 semanas", "shippagan", "service:nb_employment_standards")]
    [InlineData("en", "they have not paid me for 3 weeks", "shippagan", "service:nb_employment_standards")]
    public async Task A_place_alone_at_the_region_question_is_the_answer(string locale, string request, string place, string service)
    {
        var engine = EngineFactory.Create(Paths.Dialogs, Paths.Seeds, Real.Value.Content, Real.Value.Services);
        var driver = new EngineTranscriptDriver(engine, TestEngine.Now);
        var asked = await driver.SendAsync(new TranscriptTurn(0, 0, false, request, "sms", null, locale, null, [], null, [], null), CancellationToken.None);
        Assert.Equal("system_ask_region", asked.ResponseKeys[^1]);

        var result = await driver.SendAsync(new TranscriptTurn(1, 0, false, place, "sms", null, null, null, [], null, [], null), CancellationToken.None);

        Assert.Contains(service, result.ResponseKeys);
    }
}
