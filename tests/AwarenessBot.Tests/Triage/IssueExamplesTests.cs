using AwarenessBot.Tests.Scale;
using AwarenessBot.Tests.Support;

namespace AwarenessBot.Tests.Triage;

/// <summary>
/// The messages a new user sent that the old lexicons missed or mis-read (issue 11), over POST /api/messages with the
/// real analyser, model and engine: each risk gets its answer (the crisis reply or the check-in) with the right
/// category; harmless questions and jokes get no alarm; evidence spread over two messages is noticed.
/// </summary>
public sealed class IssueExamplesTests(BotHostFactory factory) : IClassFixture<BotHostFactory>
{
    [Theory]
    [InlineData("he wants money or he sends my pics to my mom", "child_sexual_exploitation")]
    [InlineData("un gars sur snap arrête pas de me demander des nudes j'ai 14 ans", "child_sexual_exploitation")]
    [InlineData("pinaghubad nya ako sa video call", "child_sexual_exploitation")]
    [InlineData("daddy says i have to make 1000 tonight or i cant come back", "child_sexual_exploitation")]
    [InlineData("i keep thinking about sucide every day", "self_harm")]
    [InlineData("thinking about unaliving myself ngl", "self_harm")]
    [InlineData("i'm standing on the bridge rn", "self_harm")]
    [InlineData("im hiding in the bathroom he is banging on the door", "immediate_danger")]
    [InlineData("mi esposo me está golpeando ayuda por favor", "immediate_danger")]
    [InlineData("they make me do a totally different job than whats on my work permit", "labour_exploitation")]
    [InlineData("i got hurt at work and boss said if i see a doctor im fired and deported", "labour_exploitation")]
    public async Task A_first_message_at_risk_gets_help_for_its_category(string text, string category)
    {
        using var client = factory.CreateClient();

        var replies = await new BotConversation().SayAsync(client, text);

        Assert.NotEmpty(replies.Activities);
        Assert.All(replies.Activities, reply => Assert.Equal(category, (string?)reply["channelData"]?["triage"]?["category"]));
        Assert.Contains(replies.Keys, key => key.StartsWith("service:", StringComparison.Ordinal));
    }

    [Theory]
    // Found trying the bot as a person: "jsuis pas safe" got the online-safety menu ("safe" read as the topic), and
    // "no estoy a salvo" held "estoy a salvo", the safe-now gate, which silenced the model too.
    [InlineData("jsuis pas safe")]
    [InlineData("no estoy a salvo aqui ayudenme")]
    [InlineData("hindi ako ligtas dito")]
    [InlineData("i dont feel safe at home")]
    public async Task Saying_one_is_not_safe_is_asked_about_at_once(string text)
    {
        using var client = factory.CreateClient();

        var replies = await new BotConversation().SayAsync(client, text);

        Assert.NotEmpty(replies.Activities);
        Assert.All(replies.Activities, reply => Assert.Equal("immediate_danger", (string?)reply["channelData"]?["triage"]?["category"]));
        Assert.Contains("service:ca_911", replies.Keys);
    }

    [Theory]
    [InlineData("what's sextortion?")]
    [InlineData("c'est quoi la sextorsion?")]
    [InlineData("qué es la sextorsión?")]
    [InlineData("ano ang sextortion?")]
    [InlineData("my mom is gonna kill me if i fail this test haha")]
    [InlineData("can you send me pictures of the poster for our class")]
    [InlineData("is it legal to pay farm workers less than minimum wage")]
    public async Task A_harmless_question_or_joke_raises_no_alarm(string text)
    {
        using var client = factory.CreateClient();

        var replies = await new BotConversation().SayAsync(client, text);

        Assert.NotEmpty(replies.Activities);
        Assert.All(replies.Activities, reply => Assert.Null(reply["channelData"]?["triage"]));
        Assert.DoesNotContain(replies.Keys, key => key.StartsWith("system_crisis", StringComparison.Ordinal) || key == "system_check_in");
    }

    [Theory]
    // Found trying the bot as a person: "im 16" at the age question got "Are you safe right now?" (the model read a
    // bare age as the start of a CSE disclosure), and the welcome never got to the region question.
    [InlineData("en", "im 16")]
    [InlineData("es", "tengo 14")]
    [InlineData("fr", "j'ai 13 ans")]
    public async Task An_age_typed_at_the_age_question_goes_on_to_the_region_question(string language, string age)
    {
        using var client = factory.CreateClient();
        var conversation = new BotConversation();
        await conversation.SayAsync(client, "hi");
        await conversation.SayAsync(client, language);
        await conversation.SayAsync(client, "1");

        var replies = await conversation.SayAsync(client, age);

        Assert.All(replies.Activities, reply => Assert.Null(reply["channelData"]?["triage"]));
        Assert.Contains("system_welcome_region", replies.Keys);
    }

    [Fact]
    public async Task Danger_mid_conversation_interrupts_the_step()
    {
        using var client = factory.CreateClient();
        var conversation = new BotConversation();
        await conversation.SayAsync(client, "hi");

        var replies = await conversation.SayAsync(client, "he's outside my door right now");

        Assert.Equal("immediate_danger", (string?)replies.Activities[0]["channelData"]?["triage"]?["category"]);
        Assert.Contains("service:ca_911", replies.Keys);
    }

    [Fact]
    public async Task Evidence_over_two_messages_is_noticed_on_the_second()
    {
        using var client = factory.CreateClient();
        var conversation = new BotConversation();
        await conversation.SayAsync(client, "hi");
        await conversation.SayAsync(client, "he has my pics");

        var replies = await conversation.SayAsync(client, "now he wants $500");

        Assert.Equal("child_sexual_exploitation", (string?)replies.Activities[0]["channelData"]?["triage"]?["category"]);
    }

    [Fact]
    public async Task A_script_the_bot_does_not_speak_gets_911_and_the_hotlines_interpreters_in_english_and_french()
    {
        using var client = factory.CreateClient();

        var replies = await new BotConversation().SayAsync(client, "أحتاج مساعدة، صاحب العمل أخذ جواز سفري");

        Assert.Equal("system_unsupported_language", replies.Keys[0]);
        Assert.Contains("service:ca_911", replies.Keys);
        var text = string.Join(" ", replies.Activities.Select(a => (string?)a["text"]));
        Assert.Contains("200", text, StringComparison.Ordinal);
        Assert.Contains("Je peux", text, StringComparison.Ordinal);
    }
}
