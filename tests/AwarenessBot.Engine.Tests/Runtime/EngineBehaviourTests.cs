using System.Text.Json;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Loading;
using AwarenessBot.Engine.Tests.Fakes;
using AwarenessBot.Testing.Replies;
using Xunit.Abstractions;

namespace AwarenessBot.Engine.Tests.Runtime;

public sealed class EngineBehaviourTests(ITestOutputHelper output)
{
    [Fact]
    public void State_after_a_deep_conversation_is_small_and_holds_no_text()
    {
        var c = new Conversation().AtMainMenu();
        c.Say("zebra123 my boss took my passport");
        c.Say("2");
        c.Say("7");
        c.Say("yes");
        c.Say("no");
        c.Say("help");
        c.Say("I'm Inuit");
        c.Say("emergency");
        var session = JsonSerializer.Serialize(c.Session);
        var profile = JsonSerializer.Serialize(c.Profile);
        output.WriteLine($"session {session.Length} bytes: {session}");
        output.WriteLine($"profile {profile.Length} bytes: {profile}");
        output.WriteLine($"stack depth {c.Session.Stack.Count}");
        Assert.True(session.Length + profile.Length < 2048, $"State is {session.Length + profile.Length} bytes.");
        Assert.DoesNotContain("zebra", session + profile, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passport", session + profile, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Events_carry_ids_and_categories_never_the_message()
    {
        var c = new Conversation();
        var events = new List<EngineEvent>();
        events.AddRange(c.Start().Events);
        foreach (var text in new[] { "1", "1", "2", "Ontario", "zebra123 online safety", "3", "2", "1", "help", "8" })
            events.AddRange(c.Say(text).Events);
        events.AddRange(c.Say("zebra123 he is outside", crisis: new CrisisSignal("immediate_danger", "high")).Events);
        Assert.DoesNotContain(events, e => e.Properties.Values.Any(v => v.Contains("zebra", StringComparison.Ordinal)));
        var started = Assert.Single(events, e => e.Name == "session_started");
        Assert.Equal("webchat", started.Properties["channel"]);
        var quizzes = events.Where(e => e.Name == "quiz_answered").Select(e => (e.Properties["module"], e.Properties["correct"])).ToList();
        Assert.Equal([("online_safety", "true"), ("online_safety", "false")], quizzes);
        var shown = events.Where(e => e.Name == "services_shown").ToList();
        Assert.Contains(shown, e => e.Properties["need"] == "online_exploitation" && e.Properties["region"] == "ON"
            && e.Properties["service_id"] == "ca_needhelpnow");
        Assert.Contains(events, e => e.Name == "crisis_raised" && e.Properties["category"] == "immediate_danger");
        Assert.Contains(events, e => e.Name == "module_completed" && e.Properties["module"] == "online_safety");
    }

    [Fact]
    public void Session_keys_are_random_and_new_after_deletion()
    {
        var a = new Conversation();
        var b = new Conversation();
        a.Start();
        b.Start();
        Assert.Matches("^[0-9a-f]{24}$", a.Session.SessionKey);
        Assert.NotEqual(a.Session.SessionKey, b.Session.SessionKey);
        a.Say("delete my data");
        var result = a.Say("yes");
        Assert.Equal(TurnEffects.DeleteAllData, result.Effects);
        Assert.Null(a.Session.SessionKey);
        Assert.Empty(a.Session.Stack);
        Assert.Null(a.Profile.Locale);
        Assert.Contains(result.Events, e => e.Name == "data_deleted");
    }

    [Fact]
    public void Service_replies_are_cards_with_contacts_by_kind_and_placeholders_are_filled()
    {
        var c = new Conversation().AtMainMenu(audience: "1"); // a young person (16-18): Kids Help Phone is for them
        var result = c.Say("talk to a person");
        var hotline = Assert.Single(result.Replies, r => r.ResponseKey == "service:ca_human_trafficking_hotline").Card();
        Assert.Contains(hotline.Contacts, ct => ct is { Kind: ContactKind.Phone, Target: "tel:+18005550101", Label: "Call" });
        Assert.Contains(hotline.Contacts, ct => ct is { Kind: ContactKind.Chat, Target: "https://hotline.invalid/chat", Label: "Chat" });
        var khp = Assert.Single(result.Replies, r => r.ResponseKey == "service:ca_kids_help_phone");
        Assert.Contains(khp.Card().Contacts, ct => ct is { Kind: ContactKind.TextLine, Target: "sms:555000", Display: "555000" });
        Assert.Empty(khp.Choices);
        var tip = Assert.Single(result.Replies, r => r.ResponseKey == "service:ca_tfw_tip_line").Card();
        Assert.Equal(new OpenNowState(true, "Open now"), tip.OpenNow);

        var permit = new Conversation().AtMainMenu();
        permit.Say("worker rights");
        var web = permit.Say("change employer").Replies.Single(r => r.ResponseKey == "service:ca_ircc_open_work_permit_vulnerable_workers").Card();
        Assert.Null(web.OpenNow);
        Assert.Equal([ContactKind.Website], web.Contacts.Select(ct => ct.Kind));

        var welcome = new Conversation().Start();
        var runs = welcome.Replies.SelectMany(r => r.Parts.OfType<Paragraph>()).SelectMany(p => p.Inlines).ToList();
        Assert.DoesNotContain(runs, run => run is TextRun t && t.Text.Contains("{service:", StringComparison.Ordinal));
        Assert.Contains(new StrongRun("911"), runs);
        Assert.Contains(new TextRun(" (911)"), runs);
    }

    [Fact]
    public void Questions_about_the_services_shown_are_answered_from_each_ones_data_without_guessing()
    {
        var c = new Conversation().AtMainMenu();
        c.Say("a safe place to stay");
        c.Say("Quebec");

        // Refuge: free by its source; 211: a short code, nothing said about cost — the line says so.
        Assert.Equal(["Refuge (QC): Free", "211: Not stated: you can ask them first"], Lines(c.Say("is it free?"), "cost"));
        // A language named in a question about the services does not switch the conversation's language.
        var language = c.Say("do they speak spanish");
        Assert.Equal(["Refuge (QC): French, Spanish, interpreters for many more languages", "211: English, French"], Lines(language, "language"));
        Assert.All(language.Replies, r => Assert.Equal("en", r.Locale));
        Assert.Equal(["Refuge (QC): Anonymous and confidential.", "211: Not stated: you can ask them first"], Lines(c.Say("will they tell my parents"), "privacy"));
        Assert.Equal(["Refuge (QC): For adults", "211: For everyone"], Lines(c.Say("just for women?"), "eligibility"));
        Assert.Equal(["Refuge (QC): Call 1-800-555-0108", "211: Call 211"], Lines(c.Say("can i text instead"), "contact"));

        static List<string> Lines(TurnResult turn, string facet) =>
        [
            .. Assert.Single(turn.Replies, r => r.ResponseKey == "service_details:" + facet).Parts.OfType<Paragraph>()
                .Select(p => string.Concat(p.Inlines.Select(i => i switch { StrongRun s => s.Text, TextRun t => t.Text, _ => "" }))),
        ];
    }

    [Fact]
    public void A_question_that_names_one_of_the_services_shown_is_answered_about_that_one()
    {
        var c = new Conversation().AtMainMenu();
        c.Say("a safe place to stay");
        c.Say("Quebec");

        // Issue 12: by kind ("the shelter": the Refuge is the directory's shelter) or by place in the list ("the second
        // one", "la première"); a question naming none of them is about all of them.
        Assert.Equal(["Refuge (QC): Free"], Lines(c.Say("do they charge for staying at the shelter"), "cost"));
        Assert.Equal(["211: English, French"], Lines(c.Say("the second one, do they speak spanish?"), "language"));
        Assert.Equal(["Refuge (QC): Call 1-800-555-0108"], Lines(c.Say("la première, je peux texter au lieu d'appeler?"), "contact"));
        Assert.Equal(["Refuge (QC): Free", "211: Not stated: you can ask them first"], Lines(c.Say("is it free?"), "cost"));
        // The language the conversation is in, asked for after a list: do they speak it (not a switch to it).
        var english = c.Say("and in english?");
        Assert.Equal(["Refuge (QC): French, Spanish, interpreters for many more languages", "211: English, French"], Lines(english, "language"));
        Assert.DoesNotContain(english.Replies, r => r.ResponseKey == "system_language_changed");

        static List<string> Lines(TurnResult turn, string facet) =>
        [
            .. Assert.Single(turn.Replies, r => r.ResponseKey == "service_details:" + facet).Parts.OfType<Paragraph>()
                .Select(p => string.Concat(p.Inlines.Select(i => i switch { StrongRun s => s.Text, TextRun t => t.Text, _ => "" }))),
        ];
    }

    [Fact]
    public void Another_language_asked_for_after_a_list_of_services_is_a_switch_even_when_the_message_is_written_in_it()
    {
        // No language chosen: the conversation follows each message's language. "english please" after Spanish
        // replies asks for English (the language the conversation was in is Spanish), not whether they speak it.
        var c = new Conversation();
        c.Start();
        Assert.Contains(c.Say("necesito un lugar seguro para quedarme en Quebec", detected: "es").Replies, r => r.ResponseKey == "service:qc_shelter");

        var english = c.Say("english please", detected: "en");

        Assert.Contains(english.Replies, r => r.ResponseKey == "system_language_changed");
        Assert.DoesNotContain(english.Replies, r => r.ResponseKey.StartsWith("service_details:", StringComparison.Ordinal));
    }

    [Fact]
    public void Choices_carry_the_full_label_and_the_flows_short_label_which_is_understood_when_typed()
    {
        var c = new Conversation().AtMainMenu();
        var menu = c.Say("worker rights").Replies[^1];

        var housing = Assert.Single(menu.Choices, ch => ch.Id == "housing");
        Assert.Equal(new ReplyChoice("housing", "Housing and deductions", "Housing, deductions"), housing);
        Assert.All(menu.Choices.Where(ch => ch.Id != "housing"), ch => Assert.Equal(ch.Label, ch.ShortLabel));
        Assert.Contains(c.Say("Housing, deductions").Replies, r => r.ResponseKey == "worker_housing_deductions");
    }

    [Fact]
    public void Replies_come_in_the_chosen_language_and_french_labels_in_french()
    {
        var c = new Conversation();
        c.Start();
        var result = c.Say("Français");
        var reply = Assert.Single(result.Replies);
        Assert.Equal("fr", reply.Locale);
        Assert.StartsWith("Qui es-tu?", reply.Words(), StringComparison.Ordinal);
        Assert.Equal("Je suis jeune", reply.Choices[0].Label);
        Assert.True(c.Profile.LocaleChosen);
        // Once chosen, detection no longer switches the language.
        Assert.Equal("fr", c.Say("1", detected: "en").Replies[0].Locale);
    }

    [Fact]
    public void Spanish_falls_back_to_english_per_item_where_content_has_no_spanish()
    {
        // Every real item has every locale (the content tests' EveryLocaleTests) and every real flow asks for them all;
        // here the educators' flow asks only for English and French, and the fake leaves its band question in those
        // two, as a new flow and item may be before they are translated.
        var dialogs = Path.Combine(Path.GetTempPath(), "awarenessbot-dialogs-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(dialogs, "schema"));
            foreach (var file in Directory.EnumerateFiles(Paths.Dialogs, "*.*", SearchOption.AllDirectories))
                File.Copy(file, Path.Combine(dialogs, Path.GetRelativePath(Paths.Dialogs, file)));
            var educators = Path.Combine(dialogs, "educators.yaml");
            File.WriteAllText(educators, File.ReadAllText(educators).Replace("locales: [en, fr, es, tl]\n", "", StringComparison.Ordinal));
            var content = new FakeContentRepository(onlyIn: new Dictionary<string, string[]> { ["system_educator_band"] = ["en", "fr"] });
            AssertEnglishBandQuestion(ToEducatorsBandInSpanish(new Conversation(EngineFactory.Create(dialogs, Paths.Seeds, content, new FakeServiceDirectory()))));
        }
        finally
        {
            Directory.Delete(dialogs, recursive: true);
        }
    }

    private static void AssertEnglishBandQuestion(TurnResult result)
    {
        var band = result.Replies[^1];
        Assert.Equal("system_educator_band", band.ResponseKey);
        Assert.StartsWith("Which age group", band.Words(), StringComparison.Ordinal);
        Assert.Equal("9 a 12 años", band.Choices[0].Label);
        Assert.Contains(result.Replies, r => r.ResponseKey == "system_in_english" && r.Locale == "es");
    }

    [Fact]
    public void The_educators_band_question_and_its_buttons_are_in_spanish()
    {
        // Issue 12: the question and its buttons were English for a Spanish reader.
        var result = ToEducatorsBandInSpanish(new Conversation());
        var band = result.Replies[^1];
        Assert.Equal("system_educator_band", band.ResponseKey);
        Assert.Equal("es", band.Locale);
        Assert.Equal(["9 a 12 años", "13 a 15 años", "16 a 18 años"], band.Choices.Select(ch => ch.Label));
        Assert.DoesNotContain(result.Replies, r => r.ResponseKey == "system_in_english");
    }

    /// <summary>Welcome in Spanish as a young person of 13-15 without a province, then the menu's educators entry.</summary>
    private static TurnResult ToEducatorsBandInSpanish(Conversation c)
    {
        c.Start();
        c.Say("Español");
        c.Say("1");
        c.Say("2");
        c.Say("skip");
        return c.Say("5");
    }

    [Fact]
    public void Conversation_start_after_welcome_asks_the_current_step_again()
    {
        var c = new Conversation().AtMainMenu();
        var result = c.Start();
        Assert.Equal("system_main_menu", Assert.Single(result.Replies).ResponseKey);
    }

    [Fact]
    public void State_from_another_version_or_unknown_step_restarts_at_the_menu_keeping_the_profile()
    {
        var c = new Conversation().AtMainMenu();
        c.Session.Version = 0;
        Assert.Equal("system_main_menu", c.Say("hello?").Replies[^1].ResponseKey);
        Assert.Equal(DialogSessionState.CurrentVersion, c.Session.Version);
        Assert.Equal("worker", c.Profile.Audience);
        c.Session.Stack[^1].Step = "renamed_step";
        Assert.Equal("system_main_menu", c.Say("hello?").Replies[^1].ResponseKey);
    }

    [Fact]
    public void Back_and_dont_know_with_no_step_waiting_get_the_topic_menu_and_the_likely_topics()
    {
        // Issue 12: inside a topic's text (its frame on a step that does not wait) "back" is the topic's menu; with
        // nothing on the stack (state from another version) "I don't know" gets the likely topics and the hotline.
        var c = new Conversation().AtMainMenu();
        c.Say("worker rights");
        c.Session.Stack[^1].Step = "pay";
        var back = c.Say("back");
        Assert.Equal("back", back.Understood);
        Assert.Equal("system_worker_menu", back.Replies[^1].ResponseKey);
        c.Session.Version = 0;
        var unsure = c.Say("i don't know");
        Assert.Equal("dont_know", unsure.Understood);
        Assert.Equal(["system_reprompt_menu", "system_main_menu"], unsure.Replies.Select(r => r.ResponseKey).Distinct());
    }

    [Fact]
    public void A_quiz_is_answered_by_typing_the_answer_loosely_in_the_shown_language()
    {
        var c = new Conversation().AtMainMenu();
        c.Say("worker rights");
        var question = c.Say("passport and permit").Replies[^1];
        Assert.Equal("worker_passport_documents:quiz", question.ResponseKey);
        Assert.Equal(["Wrong en", "Right en", "Other en"], question.Choices.Select(ch => ch.Label));
        var result = c.Say("right");
        Assert.Equal("worker_passport_documents:quiz_correct", result.Replies[0].ResponseKey);
        Assert.Contains(result.Events, e => e.Name == "quiz_answered" && e.Properties["correct"] == "true" && e.Properties["module"] == "worker_rights");
    }

    [Fact]
    public void Unknown_crisis_category_gets_the_immediate_danger_answer()
    {
        var c = new Conversation().AtMainMenu();
        var result = c.Say("...", crisis: new CrisisSignal("something_new", "high"));
        Assert.Equal("system_crisis_immediate_danger", result.Replies[0].ResponseKey);
    }

    [Fact]
    public void A_long_conversation_looping_through_interruptions_answers_every_turn_and_its_state_does_not_grow()
    {
        // Turn time is measured in bench/Micro (EngineTurnBenchmarks); this checks what a long conversation must keep true.
        var c = new Conversation().AtMainMenu();
        string[] loop = ["2", "7", "yes", "no", "help", "no", "no", "main menu", "my boss took my passport", "2", "done"];
        string? afterFirstRound = null;
        for (var round = 0; round < 50; round++)
        {
            foreach (var text in loop)
            {
                Assert.NotEmpty(c.Say(text).Replies);
            }

            var state = JsonSerializer.Serialize(c.Session) + JsonSerializer.Serialize(c.Profile);
            afterFirstRound ??= state;
            Assert.Equal(afterFirstRound, state);
        }

        Assert.True(afterFirstRound!.Length < 2048, $"State is {afterFirstRound.Length} bytes.");
        Assert.Equal("system_main_menu", c.Say("menu").Replies[^1].ResponseKey);
    }
}
