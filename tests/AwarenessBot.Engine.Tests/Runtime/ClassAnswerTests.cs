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

        Assert.Equal([new ClassAnswer(Code, "trafficking_what_is_it", "2")], result.ClassAnswers);
        Assert.Equal(Code, c.Session.ClassCode);
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
