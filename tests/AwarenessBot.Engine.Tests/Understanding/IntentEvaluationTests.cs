using AwarenessBot.Engine.Evaluation;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Engine.Understanding;
using Xunit.Abstractions;

namespace AwarenessBot.Engine.Tests.Understanding;

/// <summary>
/// Intent and region accuracy per language on seeds/corpus/intents/dev.jsonl (written for tuning; never the frozen
/// test split, which only the eval-intents command measures, figures only).
/// </summary>
public sealed class IntentEvaluationTests(ITestOutputHelper output)
{
    // 2026-12-06 on 1,468 dev lines (batch 7 added questions about the services shown, context after_services), through
    // the engine's router: en 81.8 %, es 81.8 %, fr 83.4 %, tl 79.6 % (1,275 lines before: en 84.0, es 83.1, fr 88.9, tl 81.4 %).
    private const double IntentFloor = 0.77;
    private const double RegionFloor = 0.95;

    [Fact]
    public void Dev_split_intent_and_region_accuracy_per_language()
    {
        var rows = IntentEvaluation.Read(Path.Combine(Paths.Seeds, "corpus", "intents", "dev.jsonl"));
        var report = IntentEvaluation.Run(Paths.Dialogs, Paths.Seeds, rows, collectMisses: true);
        foreach (var miss in report.Misses) output.WriteLine("  miss " + miss);
        foreach (var l in report.Languages)
            output.WriteLine($"{l.Lang}: n={l.Count} intent {l.IntentAccuracy:P1} region {l.RegionAccuracy:P1} (named {l.RegionNamed}, recall {l.RegionRecall:P1})");
        Assert.Equal(4, report.Languages.Count);
        Assert.All(report.Languages, l =>
        {
            Assert.True(l.IntentAccuracy >= IntentFloor, $"{l.Lang} intent {l.IntentAccuracy:P1} < {IntentFloor:P0}");
            Assert.True(l.RegionAccuracy >= RegionFloor, $"{l.Lang} region {l.RegionAccuracy:P1} < {RegionFloor:P0}");
        });
    }

    [Fact]
    public void Frozen_service_questions_split_holds_its_first_measured_floor()
    {
        // seeds/corpus/intents/test-services.jsonl: written blind before any tuning, measured once (figures only):
        // 2026-12-06 en 81.1 %, es 85.6 %, fr 85.1 %, tl 85.5 %. A floor so a change that loses it fails; misses are never read.
        var rows = IntentEvaluation.Read(Path.Combine(Paths.Seeds, "corpus", "intents", "test-services.jsonl"));
        var report = IntentEvaluation.Run(Paths.Dialogs, Paths.Seeds, rows, collectMisses: false);
        Assert.Equal(4, report.Languages.Count);
        Assert.All(report.Languages, l => Assert.True(l.IntentAccuracy >= 0.78, $"{l.Lang} intent {l.IntentAccuracy:P1} < 78 %"));
    }

    [Theory]
    [InlineData("en", "after_services", "anything in Lethbridge?", "find_help", "AB")]
    [InlineData("es", "after_services", "hay algo en Lethbridge?", "find_help", "AB")]
    [InlineData("fr", "in_topic", "pis à Winnipeg y a quoi?", "find_help", "MB")]
    [InlineData("en", "main_menu", "Lethbridge", "region_only", "AB")]
    [InlineData("en", "asked_need", "a shelter in Lethbridge", "need_shelter", "AB")]
    public void A_place_named_in_a_question_about_what_is_there_asks_for_help_there(string lang, string context, string text, string intent, string region)
    {
        // Issue 12: "hay algo en Lethbridge?" after a list was only a place (region_only); it asks for that region's help.
        var report = IntentEvaluation.Run(Paths.Dialogs, Paths.Seeds, [new LabelledMessage(lang, context, text, intent, region)], collectMisses: true);
        Assert.True(report.Misses.Count == 0, string.Join("\n", report.Misses));
    }

    [Theory]
    [InlineData("fr", "in_topic", "ok mais si la personne a deja mes photos, je fais quoi?", "sextortion")]
    [InlineData("en", "first", "someone has my pics and says hell send them to everyone at my school unless i pay him 200", "sextortion")]
    [InlineData("fr", "in_topic", "wsh tu fais quoi ce soir", "out_of_scope")]
    public void A_question_only_a_crisis_answer_takes_leaves_the_rest_of_the_message_to_be_read(string lang, string context, string text, string intent)
    {
        // nav21: "je fais quoi" (a follow-up a crisis answer takes) was the strongest phrase and means nothing in a topic;
        // the rest of the message says what it is about. A rest the model reads without a clear majority does not count.
        var report = IntentEvaluation.Run(Paths.Dialogs, Paths.Seeds, [new LabelledMessage(lang, context, text, intent, null)], collectMisses: true);
        Assert.True(report.Misses.Count == 0, string.Join("\n", report.Misses));
    }

    [Theory]
    [InlineData("fr", "La famille m'a mise dehors ce matin et dit que je dois rentrer au Cameroun demain. Je suis à Red Deer avec ma valise.", "need_shelter", "AB")]
    [InlineData("fr", "il dit que je lui dois", "boyfriend", null)]
    [InlineData("fr", "mon chum dit que je lui dois tout ce qu'il m'a acheté", "boyfriend", null)]
    public void French_dois_is_owing_only_with_lui(string lang, string text, string intent, string? region)
    {
        // Stop 37 (conv-validation13): "dit que je dois rentrer" (told I must go home) matched most of the
        // youth-exploitation phrase "il dit que je lui dois" (he says I owe him): "dois" is must and owe.
        var report = IntentEvaluation.Run(Paths.Dialogs, Paths.Seeds, [new LabelledMessage(lang, "first", text, intent, region)], collectMisses: true);
        Assert.True(report.Misses.Count == 0, string.Join("\n", report.Misses));
    }

    [Theory]
    [InlineData("en", "my boyfriend is really jealous", "boyfriend")]
    [InlineData("fr", "mon chum est tellement jaloux", "boyfriend")]
    [InlineData("es", "mi novio es muy celoso", "boyfriend")]
    [InlineData("tl", "sobrang seloso ng bf ko", "boyfriend")]
    public void A_jealous_partner_is_the_controlling_relationships_topic(string lang, string text, string intent)
    {
        // nav21: jealousy, the first sign people name, had no phrase in any language ("chum jaloux" was only a place).
        var report = IntentEvaluation.Run(Paths.Dialogs, Paths.Seeds, [new LabelledMessage(lang, "main_menu", text, intent, null)], collectMisses: true);
        Assert.True(report.Misses.Count == 0, string.Join("\n", report.Misses));
    }

    [Theory]
    [InlineData("fr", "y a du clavardage?", "service_contact")]
    [InlineData("es", "y como se reporta la trata si veo algo raro", "learn_trafficking")]
    public void After_a_list_a_service_question_phrase_beats_the_models_guess_of_an_interruption(string lang, string text, string intent)
    {
        // "y a du clavardage?" was the model's "stop" (ending the conversation) over the phrase 'y a t il un clavardage';
        // a topic the model reads still wins.
        var report = IntentEvaluation.Run(Paths.Dialogs, Paths.Seeds, [new LabelledMessage(lang, "after_services", text, intent, null)], collectMisses: true);
        Assert.True(report.Misses.Count == 0, string.Join("\n", report.Misses));
    }

    [Theory]
    [InlineData("I moved from Alberta to BC", "BC")]
    [InlineData("im in whitehorse, my cousin is being made to have sex for money", "YT")]
    [InlineData("donde puedo pedir ayuda en ontario", "ON")]
    [InlineData("je viens de Montréal", "QC")]
    [InlineData("taga Surrey ako", "BC")]
    [InlineData("help in Yukon", "YT")]
    [InlineData("St. John's", "NL")]
    [InlineData("saint john", "NB")]
    [InlineData("I'm on my way", null)]
    [InlineData("i live in ON now", "ON")]
    [InlineData("ON MY WAY", null)]
    [InlineData("im in saskatchewen", "SK")]
    [InlineData("vancover", "BC")]
    [InlineData("the level is low", null)]
    [InlineData("wpg", "MB")]
    [InlineData("whse", "YT")]
    [InlineData("nasa hfx ako ngayon", "NS")]
    // "yk" is "you know" to teens and Yellowknife (NT) to northerners: never Yukon, and NT only alone.
    [InlineData("yk what i mean, he keeps texting me", null)]
    [InlineData("yk", "NT")]
    // "van" is Vancouver only alone: Spanish "me van a deportar" and "the bunkhouse and the van" name no place.
    [InlineData("Van", "BC")]
    [InlineData("me van a deportar si me quejo", null)]
    [InlineData("he charges us for the bunkhouse and the van", null)]
    // "bc" is texted for "because": not British Columbia before "of", "i", "he"..., unless "in", "to", "sa" come first.
    [InlineData("ill get charged if i go to police bc of the stuff he made me do", null)]
    [InlineData("i cant tell my mom bc she will freak", null)]
    [InlineData("moved to bc i need help", "BC")]
    [InlineData("bc", "BC")]
    [InlineData("help in bc pls", "BC")]
    public void Regions_are_read_from_sentences(string text, string? region)
    {
        Assert.Equal(region, Slots().Read(text).Region);
    }

    [Theory]
    [InlineData("im 14", "13-15")]
    [InlineData("j'ai 14 ans", "13-15")]
    [InlineData("tengo 13", "13-15")]
    [InlineData("13 na ako", "13-15")]
    [InlineData("i am 11 years old", "9-12")]
    [InlineData("14yo", "13-15")]
    [InlineData("i have 2 kids", null)]
    [InlineData("im in grade 8", "13-15")]
    [InlineData("grade 5", "9-12")]
    [InlineData("grado 11", "16-18")]
    [InlineData("sec 5", "16-18")]
    [InlineData("12 na po ako", "9-12")]
    [InlineData("we work 12 hours a day", null)]
    [InlineData("estoy en 8vo grado", "13-15")]
    [InlineData("im in 5th grade", "9-12")]
    // Numbers written as words, with the same cues (slots.yaml number_words).
    [InlineData("i am seventeen", "16-18")]
    [InlineData("tengo dieciseis años", "16-18")]
    [InlineData("j'ai dix-sept ans", "16-18")]
    [InlineData("labing-anim na ako", "16-18")]
    [InlineData("they seize our passports", null)]
    [InlineData("i was groomed once", null)]
    public void Ages_are_read_as_bands(string text, string? band)
    {
        Assert.Equal(band, Slots().Read(text).AgeBand);
    }

    // A phrase never starts or ends inside a hyphenated word: "kamag-anak ko" (my relative) is not "anak ko" (my child).
    [Theory]
    [InlineData("kamag-anak ko yung employer", null)]
    [InlineData("anak ko po ay 12", "parent")]
    [InlineData("my students are 14", "educator")]
    [InlineData("mi ex-jefe", null)]
    [InlineData("my co-worker", null)]
    [InlineData("my coworker", "concerned")]
    [InlineData("ma grand-mère", null)]
    public void Audiences_are_read_from_whole_words(string text, string? audience)
    {
        Assert.Equal(audience, Slots().Read(text).Audience);
    }

    [Theory]
    [InlineData("24 po", "19+")]
    [InlineData("19 plus", "19+")]
    [InlineData("mas de 19", "19+")]
    [InlineData("9 po ako", "9-12")]
    [InlineData("we work 12 hours a day on the farm", null)]
    [InlineData("seventeen", "16-18")]
    [InlineData("dieciseis", "16-18")]
    [InlineData("dix-sept", "16-18")]
    [InlineData("twelve", "9-12")]
    public void At_the_age_question_a_number_with_a_few_words_is_the_age(string text, string? band)
    {
        Assert.Equal(band, Slots().Read(text, bareNumberIsAge: true).AgeBand);
        if (band is not null && text.Split(' ').Length > 1 && !text.Contains("ako", StringComparison.Ordinal))
        {
            Assert.Null(Slots().Read(text).AgeBand); // anywhere else the number needs its cue words
        }
    }

    [Theory]
    [InlineData("voy en la prepa", "16-18")]
    [InlineData("first year uni", "19+")]
    [InlineData("je suis en première année d'université", "19+")]
    [InlineData("high school pa lang ako", "13-15")]
    [InlineData("16-18 yung akin", "16-18")]
    [InlineData("soy del grupo de 9 a 12", "9-12")]
    [InlineData("between 12 and 16", null)]
    public void At_the_age_question_a_school_stage_or_a_band_is_the_band(string text, string? band)
    {
        Assert.Equal(band, Slots().Read(text, bareNumberIsAge: true).AgeBand);
        Assert.Null(Slots().Read("my college roommate").AgeBand); // a stage counts only as the answer to the question
    }

    // A choice by its number, with the words of slots.yaml choice_numbers around it.
    [Theory]
    [InlineData("4", 4)]
    [InlineData("4 po", 4)]
    [InlineData("the 4th one", 4)]
    [InlineData("option 2", 2)]
    [InlineData("el 3ro", 3)]
    [InlineData("yung 1", 1)]
    [InlineData("la 2e", 2)]
    [InlineData("4 kids", null)]
    [InlineData("2 and 3", null)]
    [InlineData("123", null)]
    public void Choice_numbers_are_read_with_the_data_words(string normalized, int? number)
    {
        Assert.Equal(number, Slots().ChoiceNumbers.NumberIn(normalized));
    }

    private static SlotReader Slots() => SlotReader.Load(Paths.Intents, RegionCatalog.Load(Path.Combine(Paths.Intents, "regions.yaml")), IntentCatalog.Load(Paths.Intents).Languages.HyphenPrefixes);
}
