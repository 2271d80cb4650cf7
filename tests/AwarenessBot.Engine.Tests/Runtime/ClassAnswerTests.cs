using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Tests.Fakes;

namespace AwarenessBot.Engine.Tests.Runtime;

/// <summary>Issue 15: under a lesson code a quiz answer is handed to the class's counts (code, quiz, choice number only).</summary>
public sealed class ClassAnswerTests
{
    private const string Code = "ABCD2345";

    private static Conversation StartLesson(string? classCode)
    {
        var c = new Conversation();
        c.Run(new TurnInput(TurnKind.ConversationStart, null, "webchat", "en-US", null, null, TestEngine.Now)
        {
            Lesson = new LessonStart("learn_trafficking", "13_15", "en") { ClassCode = classCode },
        });
        return c;
    }

    [Fact]
    public void A_quiz_answer_under_a_lesson_code_is_counted_by_its_choice_number()
    {
        var c = StartLesson(Code);
        Assert.Equal("trafficking_what_is_it:quiz", c.Say("what is it?").Replies[^1].ResponseKey);

        var result = c.Say("right");

        var answer = Assert.Single(result.ClassAnswers);
        Assert.Equal((Code, "trafficking_what_is_it", "2"), (answer.Code, answer.Question, answer.Choice));
        Assert.Equal(Code, c.Session.ClassCode);
        Assert.Matches("^[0-9a-f]{32}$", answer.Answerer);
        Assert.Equal(c.Session.ClassAnswerer, answer.Answerer);
    }

    [Fact]
    public void The_answerer_is_random_per_conversation_kept_over_a_reload_and_unrelated_to_the_analytics_key()
    {
        var c = StartLesson(Code);
        c.Say("what is it?");
        var first = Assert.Single(c.Say("2").ClassAnswers).Answerer;

        // The page reloaded: the lesson link starts the same conversation again, and the quiz is answered again.
        c.Run(new TurnInput(TurnKind.ConversationStart, null, "webchat", "en-US", null, null, TestEngine.Now)
        {
            Lesson = new LessonStart("learn_trafficking", "13_15", "en") { ClassCode = Code },
        });
        c.Say("what is it?");
        var again = Assert.Single(c.Say("1").ClassAnswers).Answerer;

        Assert.Equal(first, again);
        Assert.NotEqual(c.Session.SessionKey, first);
        var other = StartLesson(Code);
        other.Say("what is it?");
        Assert.NotEqual(first, Assert.Single(other.Say("2").ClassAnswers).Answerer);
    }

    [Fact]
    public void A_quiz_answer_without_a_lesson_code_is_not()
    {
        var c = StartLesson(classCode: null);
        c.Say("what is it?");

        var result = c.Say("2");

        Assert.Equal("trafficking_what_is_it:quiz_correct", result.Replies[0].ResponseKey);
        Assert.Empty(result.ClassAnswers);
        Assert.Null(c.Session.ClassCode);
    }

    [Fact]
    public void Only_an_answer_counts_not_the_question_or_a_reprompt()
    {
        var c = StartLesson(Code);

        Assert.Empty(c.Say("what is it?").ClassAnswers);
        Assert.Empty(c.Say("purple elephants").ClassAnswers);
        Assert.Single(c.Say("1").ClassAnswers);
    }
}
