using AwarenessBot.Catalog;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Engine.Abstractions;
using AwarenessBot.Engine.Definitions;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Understanding;
using AwarenessBot.Engine.Rendering;

namespace AwarenessBot.Engine.Runtime.Steps;

/// <summary>
/// A content item's quiz: ask (ResponseKey "&lt;id&gt;:quiz"), recognise, give feedback ("&lt;id&gt;:quiz_correct" or
/// "&lt;id&gt;:quiz_incorrect"), emit quiz_answered, and under a lesson code hand the choice's number (with the
/// conversation's random answerer value, so a second answer to the same quiz is not counted again) to the class's
/// counts. An item without a quiz in this language is skipped, and so is every quiz while a crisis is being answered:
/// a worker who just said "el patron tiene mi pasaporte" got the crisis answer, the passport page and then "Your
/// employer says 'I keep your passport'. What is true?"; someone sextorted, "Pay so they go away" as a first choice.
/// </summary>
internal sealed class QuizHandler(ContentRenderer content, DialogStack stack) : IAskHandler
{
    public StepOutcome Enter(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        if (Quiz(ctx, step) is not { } quiz) return StepOutcome.Goto(Conditions.Resolve(step.Next, ctx, frame));
        ctx.Reply(step.Content + ":quiz", [content.Paragraph(ctx, quiz.Question)], Buttons(quiz));
        return StepOutcome.Wait;
    }

    public void Reprompt(TurnContext ctx, DialogFrame frame, StepDefinition step)
    {
        if (Quiz(ctx, step) is { } quiz) content.Show(ctx, step.Reprompt ?? AskChoiceHandler.DefaultReprompt, Buttons(quiz));
    }

    public string? Recognize(TurnContext ctx, DialogFrame frame, StepDefinition step, UserText text)
    {
        if (Quiz(ctx, step) is not { } quiz) return Conditions.Resolve(step.Next, ctx, frame);
        var index = text.AsNumber is { } n && n >= 1 && n <= quiz.Choices.Count ? n - 1 : text.Fuzzy ? MatchLabel(quiz, text) : -1;
        if (index < 0) return null;
        var correct = index == quiz.AnswerIndex;
        ctx.Reply(step.Content + (correct ? ":quiz_correct" : ":quiz_incorrect"),
            [content.Paragraph(ctx, correct ? quiz.FeedbackCorrect : quiz.FeedbackIncorrect)]);
        ctx.Emit(AnalyticsEventNames.QuizAnswered, ("module", stack.CurrentModule(ctx)), ("correct", correct ? "true" : "false"));
        if (ctx.Session.ClassCode is { } code)
        {
            ctx.Session.ClassAnswerer ??= Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            ctx.ClassAnswers.Add(new ClassAnswer(code, step.Content!, (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ctx.Session.ClassAnswerer));
        }
        return Conditions.Resolve(step.Next, ctx, frame);
    }

    private QuizView? Quiz(TurnContext ctx, StepDefinition step) =>
        AnsweringCrisis(ctx) ? null : content.Find(ctx, step.Content!)?.Quiz;

    /// <summary>This turn answered a crisis, or a crisis flow is still under the topic the person opened from it.</summary>
    private bool AnsweringCrisis(TurnContext ctx) =>
        ctx.CrisisRule is not null || ctx.Session.Stack.Exists(f => stack.Flows.Find(f.Flow) is { Type: FlowType.Crisis });

    private static List<ReplyChoice> Buttons(QuizView quiz)
    {
        var buttons = new List<ReplyChoice>(quiz.Choices.Count);
        for (var i = 0; i < quiz.Choices.Count; i++)
            buttons.Add(new ReplyChoice((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), quiz.Choices[i]));
        return buttons;
    }

    private static int MatchLabel(QuizView quiz, UserText text)
    {
        var entries = new List<(int, string, string[])>(quiz.Choices.Count);
        for (var i = 0; i < quiz.Choices.Count; i++)
        {
            var whole = TextNormalizer.Normalize(quiz.Choices[i]);
            if (whole == text.Normalized) return i;
            entries.Add((i, whole, TextNormalizer.Tokens(whole)));
        }
        return FuzzyLabelMatch.Best(text.Words, entries);
    }
}
