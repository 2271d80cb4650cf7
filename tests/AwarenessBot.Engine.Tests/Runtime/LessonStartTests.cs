using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Loading;
using AwarenessBot.Engine.Tests.Fakes;

namespace AwarenessBot.Engine.Tests.Runtime;

/// <summary>Issue 15: a lesson link opens a module in its age band and language, with no question asked first.</summary>
public sealed class LessonStartTests
{
    private static TurnResult StartLesson(Conversation c, string module, string band, string locale) =>
        c.Run(new TurnInput(TurnKind.ConversationStart, null, "webchat", "en-US", null, null, TestEngine.Now)
        {
            Lesson = new LessonStart(module, band, locale),
        });

    [Fact]
    public void A_lesson_link_opens_the_module_in_its_band_and_language_without_a_question()
    {
        var c = new Conversation();

        var result = StartLesson(c, "online_safety", "13_15", "fr");

        var keys = result.Replies.Select(r => r.ResponseKey).Distinct().ToList();
        Assert.Equal(["system_welcome_intro", "system_online_safety_menu"], keys);
        Assert.All(result.Replies, r => Assert.Equal("fr", r.Locale));
        Assert.Equal("13-15", c.Profile.AgeBand);
        Assert.True(c.Profile.LocaleChosen);
        Assert.DoesNotContain(result.Replies, r => r.ResponseKey is "system_welcome_language" or "system_welcome_who" or "system_welcome_age");
        Assert.Contains(result.Events, e => e.Name == "module_started" && e.Properties["module"] == "online_safety");
    }

    [Fact]
    public void The_youngest_band_sees_only_its_own_topics()
    {
        var c = new Conversation();

        var result = StartLesson(c, "online_safety", "9_12", "en");

        var menu = result.Replies[^1];
        Assert.Equal("system_online_safety_menu", menu.ResponseKey);
        Assert.Equal(["grooming", "image_requests", "healthy", "get_help"], menu.Choices.Select(ch => ch.Id));
        var after = c.Say("1");
        Assert.All(after.Replies.Where(r => r.ResponseKey == "grooming_how_it_starts"), r => Assert.Equal("en", r.Locale));
        Assert.Equal("9-12", c.Profile.AgeBand);
    }

    [Theory]
    [InlineData("educators", "13_15", "en")]
    [InlineData("online_safety", "12_15", "en")]
    [InlineData("online_safety", "13_15", "de")]
    [InlineData("crisis_immediate_danger", "13_15", "en")]
    public void An_unknown_module_band_or_language_gets_the_usual_welcome(string module, string band, string locale)
    {
        var result = StartLesson(new Conversation(), module, band, locale);

        Assert.Equal(["system_welcome_intro", "system_welcome_language"], result.Replies.Select(r => r.ResponseKey).Distinct());
    }

    [Fact]
    public void The_lesson_choices_come_from_the_flows()
    {
        var lessons = EngineFactory.LessonsOf(TestEngine.Engine);

        Assert.Equal(["online_safety", "worker_rights", "learn_trafficking"], lessons.Modules.Select(m => m.Value));
        Assert.Equal("Sécurité en ligne", lessons.Modules[0].Label("fr"));
        Assert.Equal(["9_12", "13_15", "16_18", "19_plus"], lessons.AgeBands.Select(b => b.UrlValue));
        Assert.Equal(["en", "fr", "es", "tl"], lessons.Locales.Select(l => l.Value));
        Assert.Equal(new LessonStart("worker_rights", "19+", "tl"), lessons.Resolve("worker_rights", "19_plus", "tl"));
        Assert.Null(lessons.Resolve("worker_rights", "19_plus", null));
    }
}
