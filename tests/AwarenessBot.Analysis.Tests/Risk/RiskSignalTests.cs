using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Risk;

public sealed class RiskSignalTests
{
    [Theory]
    // immediate danger
    [InlineData("he locked me in and says he'll hurt me", RiskCategory.ImmediateDanger)]
    [InlineData("he lockd me in n says hell hurt me", RiskCategory.ImmediateDanger)]
    [InlineData("il m'a enfermée et il dit qu'il va me frapper", RiskCategory.ImmediateDanger)]
    [InlineData("IL M'A ENFERMEE ET IL VA ME FRAPPER", RiskCategory.ImmediateDanger)]
    [InlineData("me encerró y dice que me va a pegar", RiskCategory.ImmediateDanger)]
    [InlineData("kinulong niya ako at sasaktan daw niya ako", RiskCategory.ImmediateDanger)]
    [InlineData("they keep moving me from hotel to hotel", RiskCategory.ImmediateDanger)]
    [InlineData("he said he will kill me tonight", RiskCategory.ImmediateDanger)]
    [InlineData("he is killing me help", RiskCategory.ImmediateDanger)]
    // self-harm
    [InlineData("i want to die", RiskCategory.SelfHarm)]
    [InlineData("i wanna kill myself tonite", RiskCategory.SelfHarm)]
    [InlineData("je veux mourir", RiskCategory.SelfHarm)]
    [InlineData("quiero suicidarme", RiskCategory.SelfHarm)]
    [InlineData("gusto ko nang mamatay", RiskCategory.SelfHarm)]
    // child sexual exploitation
    [InlineData("a guy from snap keeps asking for nudes", RiskCategory.ChildSexualExploitation)]
    [InlineData("il menace de publier mes photos si je paye pas", RiskCategory.ChildSexualExploitation)]
    [InlineData("me pide fotos desnuda por instagram", RiskCategory.ChildSexualExploitation)]
    [InlineData("ikakalat daw niya ang litrato ko", RiskCategory.ChildSexualExploitation)]
    // labour exploitation
    [InlineData("my employer took my passport", RiskCategory.LabourExploitation)]
    [InlineData("mon employeur garde mon passeport", RiskCategory.LabourExploitation)]
    [InlineData("no nos pagan desde hace dos meses", RiskCategory.LabourExploitation)]
    [InlineData("tinatakot kami ng amo na ipapadeport kami", RiskCategory.LabourExploitation)]
    [InlineData("i paid a deposit to the recruiter to hold my spot and now he wont answer", RiskCategory.LabourExploitation)]
    // Tagalog texting "d" (hindi) is no negation in French: the elision in "d'ici" silenced the weapon frame
    [InlineData("Il a sorti un couteau et il a dit que personne ne sortira d'ici ce soir", RiskCategory.ImmediateDanger)]
    // "nobody leaves here tonight" is the threat, not a denial of it: the negation inside a confinement negates nothing
    [InlineData("may baril si sir at sabi nya walang aalis dito ngayong gabi", RiskCategory.ImmediateDanger)]
    // someone who "just arrived" with a knife is at the door now
    [InlineData("le père de mes enfants vient d'arriver avec un couteau, il a pas le droit de m'approcher", RiskCategory.ImmediateDanger)]
    public void Raises_the_category(string text, RiskCategory expected)
    {
        var signals = Seeds.Analyzer.Analyze(text).Signals;

        Assert.Contains(signals, s => s.Category == expected);
    }

    [Theory]
    // Saying it is being done is telling it: the word carries the image and the threat, so no image word is needed; a
    // parent or teacher asking how to talk about it, the news or a topic question is no report.
    [InlineData("a guy is sextorting me and im 14 what do i do", RiskCategory.ChildSexualExploitation)]
    [InlineData("me estan sextorsionando desde una cuenta falsa", RiskCategory.ChildSexualExploitation)]
    [InlineData("y'a un gars qui me fait de la sextorsion sur snap", RiskCategory.ChildSexualExploitation)]
    [InlineData("may nagsesextort sakin sa ig 14 ako", RiskCategory.ChildSexualExploitation)]
    // a stepfather is an aggressor in French too; "what do I do" asks for help, it is no topic question
    [InlineData("mon beau-pere frappe ma mere en ce moment qu'est-ce que je fais", RiskCategory.ImmediateDanger)]
    // hurting oneself, said of someone else, is not a threat to the writer
    [InlineData("sabi ng kapatid ko sasaktan niya sarili niya mamaya", RiskCategory.SelfHarm)]
    [InlineData("the manager docked my paycheque for every break I took", RiskCategory.LabourExploitation)]
    // wanting to stop breathing; asking whether drowning hurts
    [InlineData("j'ai juste envie d'arrêter de respirer", RiskCategory.SelfHarm)]
    [InlineData("duele ahogarse?", RiskCategory.SelfHarm)]
    // sent to work on another farm or in another province than the permit's
    [InlineData("my permit is for a farm in BC but they sent me to a farm in alberta", RiskCategory.LabourExploitation)]
    [InlineData("sa permit ko Manitoba pero nilipat nila ako sa farm sa Ontario", RiskCategory.LabourExploitation)]
    // a father hurting a mother now, told by a child; "my dad's rifle" is the means, not an aggressor
    [InlineData("my dad is choking my mom in the kitchen im 11 what do i do", RiskCategory.ImmediateDanger)]
    [InlineData("mi papa le esta pegando a mi mama del cuello q hago", RiskCategory.ImmediateDanger)]
    [InlineData("I have my dad's hunting rifle in my room right now and I keep looking at it", RiskCategory.SelfHarm)]
    // texting spellings ("mmya" later today), an adult asking a young person for nudes, a silenced unsafe site
    [InlineData("sbi ng bf ko mmya ppatayin nya ako", RiskCategory.ImmediateDanger)]
    [InlineData("ano gagawin ko kung may adult na nanghihingi ng nudes sakin", RiskCategory.ChildSexualExploitation)]
    [InlineData("no helmets on the site and the boss told us to keep quiet or we get fired", RiskCategory.LabourExploitation)]
    // "lola" (grandmother) is no laugh, a machete has its Québec and West African names, and how to die without pain
    [InlineData("yung kapitbahay namin nagbabantang sasaksakin si lola, nasa harap sya ng pinto ngayon", RiskCategory.ImmediateDanger)]
    [InlineData("mon oncle a sorti le coupe-coupe contre ma tante, les petits pleurent, aidez moi", RiskCategory.ImmediateDanger)]
    [InlineData("cual es la manera que menos duele de morir", RiskCategory.SelfHarm)]
    // a fine for a broken plate, how high "to be sure", a 14-year-old's "agent" who says she must pose in underwear
    [InlineData("the manager fined me 50 bucks because i broke a glass", RiskCategory.LabourExploitation)]
    [InlineData("gaano kataas ba para sigurado", RiskCategory.SelfHarm)]
    [InlineData("mon agent dit que je dois faire des photos en bobettes, j'ai 14 ans", RiskCategory.ChildSexualExploitation)]
    public void Reads_how_people_name_it(string text, RiskCategory expected)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal(expected, answered?.Category);
    }

    [Theory]
    [InlineData("how do i talk to my 12 year old about sextortion")]
    [InlineData("comment parler de sextorsion à ma fille de 13 ans?")]
    [InlineData("what is sextortion")]
    [InlineData("saw on the news a man was charged with sextortion of teens, my son is 14 and i worry")]
    // "makukulong ako" is a threat of jail, not being locked in: labour, never danger now
    [InlineData("sabi ng amo pag nagsumbong ako makukulong ako")]
    public void A_question_about_it_or_a_threat_of_jail_fires_no_report_frame(string text)
    {
        var signals = Seeds.Analyzer.Analyze(text).Signals;

        Assert.DoesNotContain(signals, s => s.RuleId is "cse.sextortion_named" or "danger.hiding" or "danger.confined_at_work");
    }

    [Theory]
    // A teacher asking for class material, or taxes on a pay stub, raises nothing ("plan" alone read as self-harm).
    [InlineData("is there a lesson plan?")]
    [InlineData("tienen un plan de clase para secundaria?")]
    [InlineData("me descontaron impuestos y EI del cheque, sale en el paystub")]
    // A rent deposit is no recruitment fee: "deposit" alone was a fee, and a landlord an employer (Taglish)
    [InlineData("My landlord kept my deposit and I don't think that's allowed. How do I ask for it back?")]
    // a coach's or teacher's "nobody leaves until…" is no confinement threat
    [InlineData("coach said nobody leaves until we finish the drills")]
    public void Class_material_and_ordinary_deductions_raise_nothing(string text)
    {
        Assert.Null(Seeds.Analyzer.Analyze(text).Strongest);
    }

    [Fact]
    public void A_toddler_locked_in_is_asked_about_not_answered_as_danger()
    {
        var answered = Seeds.Analyzer.Analyze("my toddler locked himself in the bathroom again, how do I open that kind of lock from outside?").Strongest;

        Assert.NotEqual(RiskSeverity.High, answered?.Severity);
    }

    [Fact]
    public void A_child_locked_in_for_an_hour_names_no_work_lines()
    {
        // "an hour ago" is no work word and "locked" alone no employer's housing rule: the answer named the workers' lines.
        var analysis = Seeds.Analyzer.Analyze("my 14 year old son locked himself in the bathroom an hour ago and wont answer, im scared");

        Assert.Equal(RiskCategory.SelfHarm, analysis.Strongest?.Category);
        Assert.DoesNotContain(RiskCategory.LabourExploitation, analysis.Beside);
    }

    [Theory]
    // People in pain often write with a laugh or a school word: the gate softens to a check-in instead of silencing.
    [InlineData("xd ya tengo mi nota lista pa cuando me encuentren")]
    [InlineData("yung classmate ko sabi nya magpapakamatay daw sya after ng exam, di ko alam kung seryoso pero parang oo")]
    [InlineData("lmao i'd rather die than go back to school tmrw. no like. i actually mean it this time")]
    public void A_laugh_or_a_school_word_softens_self_harm_to_a_check_in(string text)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal((RiskCategory.SelfHarm, RiskSeverity.CheckIn), (answered?.Category, answered?.Severity));
    }

    [Theory]
    // A house rule of an employer is labour exploitation; the same lock with a call for help or fear is danger now.
    [InlineData("they say we cant leave the bunkhouse after 8pm, the gate is lockd and only the boss has the key", RiskCategory.LabourExploitation)]
    [InlineData("no nos dejan salir del rancho los domingos, el supervisor cierra con llave", RiskCategory.LabourExploitation)]
    [InlineData("le boss barre la porte du dortoir le soir, on peut pas sortir", RiskCategory.LabourExploitation)]
    [InlineData("bawal kami lumabas ng farm tuwing weekend, kinakandado ng manager ang gate", RiskCategory.LabourExploitation)]
    [InlineData("the boss locked us in the bunkhouse tonight and he is drunk, help", RiskCategory.ImmediateDanger)]
    [InlineData("ayuda el patron nos encerro en la bodega en la noche y tengo miedo", RiskCategory.ImmediateDanger)]
    public void A_house_rule_of_confinement_is_labour_exploitation_unless_danger_is_now(string text, RiskCategory expected)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal((expected, RiskSeverity.High), (answered?.Category, answered?.Severity));
    }

    [Theory]
    // "gave it back" is reassurance, "never gave it back" is the report ("taped" is no misspelt "raped").
    [InlineData("recruiter took my passport at the airport when we landed and never gave it back", RiskCategory.LabourExploitation)]
    // Signs of self-harm a parent found: the blade and the locked room are the child's, nobody threatens the writer.
    [InlineData("found razor blades taped under my sons desk drawer and tissues with blood in his trash. how do i bring this up", RiskCategory.SelfHarm)]
    [InlineData("I counted my sleeping pills tonight and almost half the bottle is gone. My son is the only other person in the house.", RiskCategory.SelfHarm)]
    // Someone else behind a shut door who does not answer is a worry about self-harm; the writer locked in is danger.
    [InlineData("my 14 year old son locked himself in the bathroom an hour ago and wont answer, im scared", RiskCategory.SelfHarm)]
    [InlineData("ma fille s'est enfermée dans sa chambre depuis une heure, elle répond pas, j'ai peur", RiskCategory.SelfHarm)]
    [InlineData("he locked me in the room and he wont answer me im scared", RiskCategory.ImmediateDanger)]
    // Pay taken for being sick or late is told without a work word; taxes taken from a cheque are no report.
    [InlineData("me quitaron 2 dias de sueldo porque me enferme", RiskCategory.LabourExploitation)]
    [InlineData("the boss docked me a full day because i was 5 minutes late", RiskCategory.LabourExploitation)]
    [InlineData("binawasan ako ng 3 araw kasi nagkasakit ako", RiskCategory.LabourExploitation)]
    public void Reads_what_was_found_or_kept(string text, RiskCategory expected)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal((expected, RiskSeverity.High), (answered?.Category, answered?.Severity));
    }

    [Theory]
    // A sum a day set at a job is a work quota (labour exploitation), a controller's quota with something sexual is not.
    [InlineData("the restaurant owner says we have to make 300 a day in tips or he takes it from our pay", RiskCategory.LabourExploitation)]
    [InlineData("mon boss au resto dit qu'on doit faire 200$ par jour sinon il coupe notre paye", RiskCategory.LabourExploitation)]
    [InlineData("my boyfriend says i have to make 500 tonight or i cant come home", RiskCategory.ChildSexualExploitation)]
    [InlineData("my manager says i have to make 500 tonight with his friends", RiskCategory.ChildSexualExploitation)]
    public void A_quota_at_a_job_is_labour_unless_something_sexual_is_said(string text, RiskCategory expected)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal((expected, RiskSeverity.High), (answered?.Category, answered?.Severity));
    }

    [Theory]
    // Someone will kill the writer, the author left unsaid: danger, asked about; with a call for help, the crisis reply.
    // "me quiere matar" (someone wants to kill me) is no "me quiero matar" (I want to kill myself), though both stem alike.
    [InlineData("me va a matar", RiskSeverity.CheckIn)]
    [InlineData("me quiere matar", RiskSeverity.CheckIn)]
    [InlineData("mi esposo me quiere matar", RiskSeverity.CheckIn)]
    [InlineData("papatayin daw ako", RiskSeverity.CheckIn)]
    [InlineData("il m'a menacée de mort hier soir", RiskSeverity.CheckIn)]
    [InlineData("ayuda me va a matar", RiskSeverity.High)]
    public void A_threat_on_the_writers_life_with_no_author_named_is_danger(string text, RiskSeverity severity)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal((RiskCategory.ImmediateDanger, severity), (answered?.Category, answered?.Severity));
    }

    [Theory]
    // A group is an aggressor too ("une bande", "unos tipos", "a group of guys"): with a weapon and blood, danger now.
    [InlineData("on est au parc et y a une bande qui nous encercle, un a une batte, mon pote saigne")]
    [InlineData("unos tipos nos rodearon y uno trae un bate, mi amigo esta sangrando")]
    [InlineData("a group of guys is following me with a knife")]
    public void A_group_with_a_weapon_is_danger_now(string text) =>
        Assert.Equal((RiskCategory.ImmediateDanger, RiskSeverity.High), (Seeds.Analyzer.Analyze(text).Strongest?.Category, Seeds.Analyzer.Analyze(text).Strongest?.Severity));

    [Fact]
    public void Crying_on_a_train_is_no_means_of_self_harm_while_its_timetable_looked_up_to_die_is()
    {
        Assert.Null(Seeds.Analyzer.Analyze("je pleure dans le train").Strongest);
        Assert.Equal(RiskCategory.SelfHarm, Seeds.Analyzer.Analyze("j'ai regardé les horaires du train pis l'endroit où il passe vite").Strongest?.Category);
    }

    [Theory]
    [InlineData("me quiero matar")]
    [InlineData("quiero matarme ya no puedo")]
    public void Wanting_to_kill_oneself_in_spanish_stays_self_harm(string text) =>
        Assert.Equal((RiskCategory.SelfHarm, RiskSeverity.High), (Seeds.Analyzer.Analyze(text).Strongest?.Category, Seeds.Analyzer.Analyze(text).Strongest?.Severity));

    [Theory]
    [InlineData("mi papa me va a matar si repruebo")]
    [InlineData("me va a matar mi jefe si llego tarde otra vez")]
    [InlineData("mi mama me va a matar jaja")]
    public void A_parent_or_boss_who_will_kill_me_over_a_grade_or_lateness_is_hyperbole(string text) =>
        Assert.Null(Seeds.Analyzer.Analyze(text).Strongest);

    [Theory]
    // Not safe with oneself is self-harm, not danger from someone else.
    [InlineData("im not safe with myself tonight")]
    [InlineData("je suis pas en sécurité avec moi même ce soir")]
    public void Not_safe_with_oneself_is_self_harm(string text)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal(RiskCategory.SelfHarm, answered?.Category);
    }

    [Theory]
    [InlineData("I'm not in danger")]
    [InlineData("he didn't hurt me")]
    [InlineData("he never hit me, we just argue")]
    [InlineData("this exam is killing me")]
    [InlineData("omg this heat is killing me")]
    [InlineData("my mom is gonna kill me when she sees my grades")]
    [InlineData("I could die of embarrassment")]
    [InlineData("my passport expires next year")]
    [InlineData("I'm dying to see the movie")]
    [InlineData("I'm writing a school report on trafficking")]
    [InlineData("my dad sent me to a farm in saskatchewan for the summer to help my uncle")]
    [InlineData("hit me up later")]
    [InlineData("je ne suis pas en danger")]
    [InlineData("il ne m'a jamais frappée")]
    [InlineData("cet examen me tue")]
    [InlineData("je suis morte de rire")]
    [InlineData("no me pegó, solo discutimos")]
    [InlineData("me muero de risa")]
    [InlineData("hindi niya ako sinaktan")]
    [InlineData("mamamatay ako sa hiya")]
    [InlineData("hi")]
    // A bare age or "I don't know", typed at the bot's own questions (the model read them as a CSE or danger check-in).
    [InlineData("im 16")]
    [InlineData("im 14 from toronto")]
    [InlineData("tengo 14")]
    [InlineData("tengo 34")]
    [InlineData("28 na ako")]
    [InlineData("je sais pas")]
    [InlineData("idk")]
    // Where one lives or one's school year, typed at the region or age question (the model read them as danger).
    [InlineData("je reste à Longueuil")]
    [InlineData("là j'suis au lycée")]
    [InlineData("vivo en surrey")]
    [InlineData("")]
    // One word is the frames' job alone: the model read "stop" as self-harm before it stayed silent on one word.
    [InlineData("STOP")]
    [InlineData("ok")]
    [InlineData("help")]
    [InlineData("arret")]
    public void Raises_nothing_for_negations_figurative_speech_and_benign_mentions(string text)
    {
        Assert.Empty(Seeds.Analyzer.Analyze(text).Signals);
    }

    [Fact]
    public void Signal_points_at_the_original_text_and_names_its_frame()
    {
        const string text = "Hé... he LOCKED me in and says he'll hurt me";

        var signal = Assert.Single(Seeds.Analyzer.Analyze(text).Signals, s => s.Category == RiskCategory.ImmediateDanger);

        Assert.StartsWith("danger.", signal.RuleId, StringComparison.Ordinal);
        Assert.Equal(RiskSeverity.High, signal.Severity);
        Assert.Contains("LOCKED me in", text.Substring(signal.Start, signal.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_span_covers_accents_and_repeated_letters_of_the_original()
    {
        const string text = "Bon. il m'a enferméééée";

        var signal = Assert.Single(Seeds.Analyzer.Analyze(text).Signals);

        Assert.Equal("il m'a enferméééée", text.Substring(signal.Start, signal.Length));
    }

    [Fact]
    public void Negation_in_an_earlier_clause_does_not_hide_a_later_disclosure()
    {
        var signals = Seeds.Analyzer.Analyze("I'm not sure, but he hits me").Signals;

        Assert.Contains(signals, s => s.Category == RiskCategory.ImmediateDanger);
    }

    [Fact]
    public void A_gap_never_skips_a_negation()
    {
        // The frames' negation gap (the model's own reading of the odd sentence is not what this is about).
        Assert.DoesNotContain(Seeds.Analyzer.Analyze("he threatened never to hurt anyone").Signals, s => s.Category == RiskCategory.ImmediateDanger && s.RuleId != RiskSignal.ModelRule);
        Assert.Contains(Seeds.Analyzer.Analyze("he threatened to hurt my family").Signals, s => s.Category == RiskCategory.ImmediateDanger);
    }

    [Fact]
    public void Mixed_language_message_is_read_with_every_lexicon()
    {
        var signals = Seeds.Analyzer.Analyze("help po, my boss kinuha ang passport ko and he won't let me leave").Signals;

        Assert.Contains(signals, s => s.Category == RiskCategory.LabourExploitation);
        Assert.Contains(signals, s => s.Category == RiskCategory.ImmediateDanger);
    }

    [Fact]
    public void One_word_still_raises_what_the_frames_know()
    {
        Assert.Equal(RiskCategory.SelfHarm, Seeds.Analyzer.Analyze("kms").Strongest?.Category);
    }

    [Fact]
    public void Signals_of_one_severity_put_frames_before_the_model_and_the_surer_first()
    {
        var frame = new RiskSignal(RiskCategory.LabourExploitation, RiskSeverity.CheckIn, 0, 1, "labour.unpaid");
        var sure = new RiskSignal(RiskCategory.SelfHarm, RiskSeverity.CheckIn, 0, 1, RiskSignal.ModelRule) { Confidence = 0.9 };
        var unsure = new RiskSignal(RiskCategory.ImmediateDanger, RiskSeverity.CheckIn, 0, 1, RiskSignal.ModelRule) { Confidence = 0.7 };
        var high = new RiskSignal(RiskCategory.LabourExploitation, RiskSeverity.High, 0, 1, RiskSignal.ModelRule) { Confidence = 0.99 };

        var analysis = new TextAnalysis("en", 1, [], "", [unsure, sure, frame, high], "test");

        Assert.Equal([high, frame, sure, unsure], analysis.Signals.Order(Comparer<RiskSignal>.Create(RiskSignal.StrongestFirst)));
        Assert.Same(high, analysis.Strongest);
        Assert.Same(frame, new TextAnalysis("en", 1, [], "", [unsure, sure, frame], "test").Strongest);
    }

    [Fact]
    public void A_more_urgent_risk_beside_the_strongest_is_answered_first()
    {
        var labourFrame = new RiskSignal(RiskCategory.LabourExploitation, RiskSeverity.High, 0, 1, "labour.growing_debt");
        var selfHarmModelHigh = new RiskSignal(RiskCategory.SelfHarm, RiskSeverity.High, 0, 1, RiskSignal.ModelRule) { Confidence = 0.99 };
        var selfHarmFrameCheckIn = new RiskSignal(RiskCategory.SelfHarm, RiskSeverity.CheckIn, 0, 1, "self_harm.weak");
        var selfHarmModelCheckIn = new RiskSignal(RiskCategory.SelfHarm, RiskSeverity.CheckIn, 0, 1, RiskSignal.ModelRule) { Confidence = 0.6 };
        var dangerFrameCheckIn = new RiskSignal(RiskCategory.ImmediateDanger, RiskSeverity.CheckIn, 0, 1, "danger.violence_to_me");

        // A self-harm frame at any tier beats a labour frame, and so does the model's high self-harm score when self-harm
        // is the model's own pick; when the model finds the frame's category likelier (a sextortion threat with no word
        // of self-harm), that answer comes first with the suicide line beside it.
        Assert.Same(selfHarmFrameCheckIn, Analysis(labourFrame, selfHarmFrameCheckIn).Strongest);
        var selfHarmModelPick = selfHarmModelHigh with { ModelsPick = true };
        Assert.Same(selfHarmModelPick, Analysis(labourFrame, selfHarmModelPick).Strongest);
        Assert.Same(labourFrame, Analysis(labourFrame, selfHarmModelHigh).Strongest);
        Assert.Contains(RiskCategory.SelfHarm, Analysis(labourFrame, selfHarmModelHigh).Beside);
        // The model's lower tier and other categories' check-in frames do not: the labour answer names 911 too.
        Assert.Same(labourFrame, Analysis(labourFrame, selfHarmModelCheckIn).Strongest);
        Assert.Same(labourFrame, Analysis(labourFrame, dangerFrameCheckIn).Strongest);
        // The model's high danger tier beats a frame only when danger is the model's own pick among the risks.
        var dangerModelHigh = new RiskSignal(RiskCategory.ImmediateDanger, RiskSeverity.High, 0, 1, RiskSignal.ModelRule) { Confidence = 0.99 };
        var dangerModelPick = dangerModelHigh with { ModelsPick = true };
        Assert.Same(labourFrame, Analysis(labourFrame, dangerModelHigh).Strongest);
        Assert.Same(dangerModelPick, Analysis(labourFrame, dangerModelPick).Strongest);
        Assert.Contains(RiskCategory.ImmediateDanger, Analysis(labourFrame, dangerModelHigh).Beside);

        static TextAnalysis Analysis(params RiskSignal[] signals) => new("en", 1, [], "", signals, "test");
    }

    [Theory]
    [InlineData("my friend says she is going to kill herself tonight")]
    [InlineData("mon ami dit qu'il va se tuer ce soir")]
    [InlineData("mi amiga dice que se va a matar hoy, que hago")]
    [InlineData("sabi ng kaibigan ko magpapakamatay na daw siya mamaya")]
    public void Killing_oneself_said_of_someone_else_is_self_harm_not_an_aggressor(string text)
    {
        // "kill" beside a "she" read as violence by an aggressor: the danger answer instead of the suicide line.
        Assert.Equal(RiskCategory.SelfHarm, Seeds.Analyzer.Analyze(text).Strongest?.Category);
    }

    [Theory]
    // "mate" (kill) after "me dicen", a room locked from inside: the danger frames' words, but the person's own death.
    [InlineData("en la escuela todos me dicen q me mate y la neta ya lo estoy pensando")]
    [InlineData("mi hermano se encerró en el baño y dice que ya no quiere vivir")]
    public void Kill_words_and_a_locked_room_the_model_reads_as_self_harm_answer_self_harm_with_danger_beside(string text)
    {
        var analysis = Seeds.Analyzer.Analyze(text);

        Assert.Equal((RiskCategory.SelfHarm, RiskSeverity.High), (analysis.Strongest?.Category, analysis.Strongest?.Severity));
        Assert.Contains(RiskCategory.ImmediateDanger, analysis.Beside);
    }

    [Theory]
    // A worker asks whether what is done to them is allowed: a question, but about their own pay and housing.
    [InlineData("c'est normal que le boss nous fasse travailler 14h sans payer le overtime?")]
    [InlineData("es normal que el patron nos descuente 200 cada semana por la traila y no nos de talon de pago?")]
    public void A_workers_question_about_their_own_situation_gets_a_check_in(string text)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal((RiskCategory.LabourExploitation, RiskSeverity.CheckIn), (answered?.Category, answered?.Severity));
    }

    [Theory]
    // "hinihingan" (asked for, -in- and -an around "hingi") and a bare "14 ako"; "c quoi je fais si…" is "what do I do".
    [InlineData("lagi akong hinihingan ng pics nung kuya sa ml, 14 ako")]
    [InlineData("c quoi je fais si un gars sur snap arrête pas de me demander des photos de moi dans mon lit")]
    public void Asking_a_minor_for_pictures_is_heard_in_tagalog_affixes_and_behind_what_do_i_do(string text) =>
        Assert.Equal(RiskCategory.ChildSexualExploitation, Seeds.Analyzer.Analyze(text).Strongest?.Category);

    [Theory]
    // The "pas" of "j'sais pas" negates nothing of the frame that follows.
    [InlineData("j'sais pas quoi faire il a un couteau pis il menace ma mère")]
    [InlineData("chais pas il a une arme et il menace de tout casser")]
    public void I_dont_know_is_no_negation_of_the_danger_after_it(string text) =>
        Assert.Equal(RiskCategory.ImmediateDanger, Seeds.Analyzer.Analyze(text).Strongest?.Category);

    [Theory]
    // Stop 34, from validation30's misses (then read: tuned): "test shots" are photos, not gunfire; someone hiding a
    // thing is not the writer hiding; a picture that "got posted" is exposure, not a wish to be gone.
    [InlineData("this lady on tiktok says shes a model scout and wants 'test shots' in a bikini, im 13 is that normal", RiskCategory.ChildSexualExploitation)]
    [InlineData("a pic of me got posted i want it gone", RiskCategory.ChildSexualExploitation)]
    [InlineData("im hiding my kids in the closet he is drunk and throwing stuff", RiskCategory.ImmediateDanger)]
    [InlineData("he shot at us and we ran, hes still outside", RiskCategory.ImmediateDanger)]
    public void Photo_shots_a_hidden_thing_and_a_posted_picture_are_read_for_what_they_are(string text, RiskCategory expected) =>
        Assert.Equal(expected, Seeds.Analyzer.Analyze(text).Strongest?.Category);

    [Fact]
    public void A_sextortion_threat_gets_the_exploitation_answer_with_the_suicide_line_beside()
    {
        var analysis = Seeds.Analyzer.Analyze("he says he will post my picture at school if i dont do a video tonite");

        Assert.Equal(RiskCategory.ChildSexualExploitation, analysis.Strongest?.Category);
        Assert.Contains(RiskCategory.SelfHarm, analysis.Beside);
    }

    [Theory]
    // A school or wedding word beside a threat or a minor's age is no harmless photo (the benign_image gate is lifted),
    // and "is it normal…" with an adult's or a minor's age is a report, not a topic question (the question gate).
    [InlineData("il dit que si je lui envoie pas dautres photos il montre la premiere a toute ma classe")]
    [InlineData("at my cousins wedding an old guy took pics of me and now he wants more, im 13")]
    [InlineData("is it normal that my coach who is 35 wants me alone at his place for extra practice? im 14")]
    public void A_school_word_or_a_question_does_not_hide_a_minor_asked_for_pictures(string text) =>
        Assert.Equal(RiskCategory.ChildSexualExploitation, Seeds.Analyzer.Analyze(text).Strongest?.Category);

    [Theory]
    [InlineData("whats sextortion? im 14")]
    [InlineData("ano ang sextortion 14 ako")]
    [InlineData("the class photo was posted on the school page")]
    public void A_topic_question_with_an_age_or_a_class_photo_raises_nothing(string text) =>
        Assert.Empty(Seeds.Analyzer.Analyze(text).Signals);

    [Theory]
    // Pills already taken, counted next to the pills or a whole pack, in each language (written for this test).
    [InlineData("i took like 20 tylenol", "self_harm.took_pills")]
    [InlineData("jai pris 40 comprimes ya 1h", "self_harm.took_pills")]
    [InlineData("me tome 40 pastillas de mi abuela", "self_harm.took_pills")]
    [InlineData("ininom ko yung buong banig ng biogesic", "self_harm.took_pills")]
    public void Pills_already_taken_are_self_harm_at_once(string text, string rule)
    {
        var strongest = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.Equal((RiskCategory.SelfHarm, RiskSeverity.High, rule), (strongest?.Category, strongest?.Severity, strongest?.RuleId));
    }

    [Theory]
    [InlineData("my mom took 2 advil for her headache")]
    [InlineData("i have 30 advil in my drawer")]
    public void A_small_dose_or_pills_not_taken_raise_no_overdose(string text) =>
        Assert.DoesNotContain(Seeds.Analyzer.Analyze(text).Signals, s => s.RuleId == "self_harm.took_pills");

    [Theory]
    // Stop 34, from validation31's misses (then read: tuned). Hurt by someone who forbids the ambulance is danger now,
    // not a silenced work injury.
    [InlineData("he broke my arm and says if i call an ambulance he will finish the job", RiskCategory.ImmediateDanger)]
    [InlineData("il ma cassé le bras et il dit que si j'appelle l'ambulance il finit le travail", RiskCategory.ImmediateDanger)]
    [InlineData("i broke my arm at work and the boss says dont go to the doctor or youre fired", RiskCategory.LabourExploitation)]
    [InlineData("he said he will hurt my mom if i tell", RiskCategory.ImmediateDanger)]
    public void Who_did_the_hurting_decides_between_danger_and_a_silenced_work_injury(string text, RiskCategory expected) =>
        Assert.Equal(expected, Seeds.Analyzer.Analyze(text).Strongest?.Category);

    [Fact]
    public void Being_locked_out_of_ones_room_is_no_confinement() =>
        Assert.Empty(Seeds.Analyzer.Analyze("my little brother locked me out of my room again 🙄").Signals);

    [Theory]
    [InlineData("he's hiding the easter eggs in the yard, don't tell my sister")]
    [InlineData("es cierto que te pueden deportar por quejarte del patrón? lo vi en un video de facebook y quiero saber si es mito")]
    public void Hiding_a_thing_or_wanting_to_know_raises_nothing(string text) =>
        Assert.Empty(Seeds.Analyzer.Analyze(text).Signals);

    [Theory]
    [InlineData("idk")]
    [InlineData("im 16")]
    [InlineData("je sais pas")]
    public void A_plain_reply_adds_no_evidence_to_the_conversation(string text) =>
        // The conversation keeps decaying scores: a model reading of "idk" as danger would add up after a crisis answer.
        Assert.All(Seeds.Analyzer.Analyze(text).RiskScores, score => Assert.True(score < 0.3, $"{text}: {score}"));

    [Theory]
    [InlineData("he locked me in the basement and says he will kill me tonight")]
    [InlineData("mi novio me encerró en el cuarto y dice que me va a matar")]
    public void An_aggressor_who_locks_in_and_threatens_stays_danger(string text) =>
        Assert.Equal(RiskCategory.ImmediateDanger, Seeds.Analyzer.Analyze(text).Strongest?.Category);

    [Fact]
    public void Beside_the_answer_are_frames_the_models_high_tier_and_its_likeliest_self_harm()
    {
        var dangerFrame = new RiskSignal(RiskCategory.ImmediateDanger, RiskSeverity.High, 0, 1, "danger.weapon");
        var labourFrameCheckIn = new RiskSignal(RiskCategory.LabourExploitation, RiskSeverity.CheckIn, 0, 1, "labour.bad_housing");
        var exploitationModelHigh = new RiskSignal(RiskCategory.ChildSexualExploitation, RiskSeverity.High, 0, 1, RiskSignal.ModelRule) { Confidence = 0.99 };
        var exploitationModelCheckIn = exploitationModelHigh with { Severity = RiskSeverity.CheckIn, Confidence = 0.7 };
        var selfHarmPicked = new RiskSignal(RiskCategory.SelfHarm, RiskSeverity.CheckIn, 0, 1, RiskSignal.ModelRule) { Confidence = 0.9, ModelsPick = true };
        var selfHarmNotPicked = selfHarmPicked with { ModelsPick = false };

        Assert.Equal([RiskCategory.SelfHarm, RiskCategory.LabourExploitation], Analysis(dangerFrame, labourFrameCheckIn, selfHarmPicked).Beside);
        Assert.Equal([RiskCategory.ChildSexualExploitation], Analysis(dangerFrame, exploitationModelHigh).Beside);
        // The model's check-in tier passes its bar beside most risky messages: only self-harm, when it is the model's pick.
        Assert.Empty(Analysis(dangerFrame, exploitationModelCheckIn, selfHarmNotPicked).Beside);
        // The answered category itself is never beside, and nothing is beside no answer.
        Assert.Empty(Analysis(dangerFrame, dangerFrame with { RuleId = "danger.hiding" }).Beside);
        Assert.Empty(Analysis().Beside);

        static TextAnalysis Analysis(params RiskSignal[] signals) => new("en", 1, [], "", signals, "test");
    }

    [Fact]
    public void A_weapon_and_a_threat_are_no_hyperbole_and_the_wish_to_die_beside_is_named()
    {
        var analysis = Seeds.Analyzer.Analyze("he has a knife and says he will kill me and honestly i just want to die");

        Assert.Equal(RiskCategory.ImmediateDanger, analysis.Strongest?.Category);
        Assert.Equal(RiskSeverity.High, analysis.Strongest?.Severity);
        Assert.Contains(RiskCategory.SelfHarm, analysis.Beside);
        // Without the weapon, the same words about a mother stay a figure of speech.
        Assert.Null(Seeds.Analyzer.Analyze("my mom will kill me if she sees my grades").Strongest);
    }

    [Fact]
    public void Strongest_signal_is_high_severity_and_most_urgent_category()
    {
        var analysis = Seeds.Analyzer.Analyze("my boss kept my passport and I want to die");

        Assert.Equal(RiskCategory.SelfHarm, analysis.Strongest?.Category);
    }

    [Theory]
    [InlineData("salamat po nakatulong talaga, ok na ko ngayon")]
    public void A_frame_the_model_reads_as_harmless_is_dropped(string text)
    {
        // A confinement frame fires ("ok na ko"), the model reads the message as harmless.
        Assert.Contains(Seeds.Analyzer.ExplainFrames(text), line => line.Contains("frame danger.", StringComparison.Ordinal));
        Assert.Null(Seeds.Analyzer.Analyze(text).Strongest);
    }

    [Theory]
    // Spanish "enferma" (sick) is no French "enfermée" (locked in), nor French "enferme" a Spanish "enfermo" (an injury)
    [InlineData("la agencia nos cobra una multa cada vez que alguien se enferma y no va a trabajar", "CONFINE")]
    [InlineData("le patron nous enferme dans le dortoir la nuit", "INJURY")]
    // "cama" (bed) is no Spanish word in a Tagalog sentence about a cam show
    [InlineData("kailangan ko daw matapos yung quota sa cam show bago ako pauwiin, 16 palang ako", "HOUSING")]
    // English read with every language's entries: Spanish words that stem to an English word are exact forms
    // ("herida" stems to "her", "quitar" to "quit"; French "selfie" to "self")
    [InlineData("i told her i was fine but she keeps asking", "INJURY")]
    [InlineData("if i quit my job will they send me home", "KEEP")]
    [InlineData("i want to self harm", "IMAGE")]
    public void A_word_is_read_in_the_language_of_its_message(string text, string foreign)
    {
        Assert.DoesNotContain(Seeds.Analyzer.ExplainFrames(text), line => line.StartsWith($"  {foreign} ", StringComparison.Ordinal));
    }

    [Theory]
    // the message's own language and English words inside it still count
    [InlineData("le patron nous enferme dans le dortoir la nuit", "CONFINE")]
    [InlineData("kinuha ng employer ko yung passport ko", "DOCUMENTS")]
    [InlineData("el boss nos tiene encerrados en la barraca", "CONFINE")]
    public void The_message_language_and_english_are_read(string text, string concept)
    {
        Assert.Contains(Seeds.Analyzer.ExplainFrames(text), line => line.StartsWith($"  {concept} ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_crying_emoji_is_sadness_not_fear_of_danger()
    {
        // 😭 once counted as fear, so "took my phone" + 😭 was confinement with fear: a teen's phone taken for chores.
        const string text = "my dad took my phone bc i didnt do the dishes 😭 im texting from the ipad";
        Assert.DoesNotContain(Seeds.Analyzer.ExplainFrames(text), line => line.Contains("frame danger.", StringComparison.Ordinal));
        Assert.Null(Seeds.Analyzer.Analyze(text).Strongest);
    }

    [Fact]
    public void The_veto_needs_both_a_harmless_reading_and_an_unlikely_category()
    {
        var veto = new AwarenessBot.Analysis.Frames.ModelVeto(NoneAbove: 0.5, CategoryBelow: 0.5);
        Assert.True(veto.Drops(none: 0.9, category: 0.1));
        Assert.False(veto.Drops(none: 0.15, category: 0.46)); // split between two risks: the frame stays
        Assert.False(veto.Drops(none: 0.9, category: 0.6));
        Assert.False(AwarenessBot.Analysis.Frames.ModelVeto.Never.Drops(none: 1, category: 0));
    }
}
