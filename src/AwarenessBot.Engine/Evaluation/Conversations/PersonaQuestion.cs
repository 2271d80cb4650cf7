using AwarenessBot.Engine.Definitions;

namespace AwarenessBot.Engine.Evaluation.Conversations;

/// <summary>The question the bot is waiting on, as a persona knows it.</summary>
internal enum PersonaQuestion
{
    /// <summary>Anything else: a quiz, a crisis answer's "continue", a yes/no check.</summary>
    Other = 0,
    Language,
    Who,
    Region,
    Age,
    /// <summary>A menu, or a question about what the person needs.</summary>
    Need,
}

/// <summary>
/// Reads the question from the engine's own state: the field the waiting step stores its answer in, its kind, and
/// its flow's type — never the reply's wording.
/// </summary>
internal static class PersonaQuestions
{
    /// <summary>Where a question about someone else's age group keeps its answer (dialogs/educators.yaml).</summary>
    public const string OthersAgeBand = "value.band";

    public static PersonaQuestion Of(FlowDefinition flow, StepDefinition step) => step switch
    {
        { Store: "profile.locale" or "value.locale" } => PersonaQuestion.Language,
        { Store: "profile.audience" } => PersonaQuestion.Who,
        { Store: "profile.age_band" } => PersonaQuestion.Age,
        // The educators' "Which age group do you work with?": a parent or a teacher answers with the age they have in
        // mind (the persona's age answer), as the engine now reads an age there.
        { Kind: StepKind.AskChoice, Store: OthersAgeBand } => PersonaQuestion.Age,
        { Kind: StepKind.AskRegion, Store: "profile.region" } => PersonaQuestion.Region,
        { Store: "value.need" } => PersonaQuestion.Need,
        // The main menu, and a module's own topic menu (a choice that stores nothing: it only says where to go).
        _ when flow.Type == FlowType.Menu => PersonaQuestion.Need,
        { Kind: StepKind.AskChoice, Store: null } when flow.Type == FlowType.Module => PersonaQuestion.Need,
        _ => PersonaQuestion.Other,
    };

    public static string? Answer(PersonaAnswers answers, PersonaQuestion question) => question switch
    {
        PersonaQuestion.Language => answers.Language,
        PersonaQuestion.Who => answers.Who,
        PersonaQuestion.Region => answers.Region,
        PersonaQuestion.Age => answers.Age,
        _ => answers.Need,
    };
}
