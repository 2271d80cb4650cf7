namespace LoadGenerator.Script;

/// <summary>
/// The scripted conversation of a young person in Ontario: greeting, language, audience, age band, province, the
/// online-safety module, a quiz answer, a disclosure, a crisis message, then "delete my data" and confirm.
/// </summary>
internal static class ConversationScript
{
    public static IReadOnlyList<ScriptStep> Steps { get; } =
    [
        new("greeting", StepKind.Join, [], "", ""),
        new("language", StepKind.Choose, ["English", "Français", "Francais"], "English", "Français"),
        new("who", StepKind.Choose, ["young", "jeune", "youth"], "young person", "jeune"),
        new("age", StepKind.Choose, ["13-15", "13–15"], "13-15", "13-15"),
        new("province", StepKind.Choose, ["Ontario", "ON"], "Ontario", "Ontario"),
        new("module", StepKind.Choose, ["1", "online", "en ligne"], "1", "1"),
        new("topic", StepKind.Choose, ["grooming", "1"], "1", "1"),
        new("quiz", StepKind.Choose, [], "1", "1"),
        new("free-text", StepKind.Type, [], "someone online keeps asking me for photos", "quelqu'un en ligne me demande sans arrêt des photos"),
        new("crisis", StepKind.Type, [], "he locked me in and says he will hurt me", "il m'a enfermée et dit qu'il va me faire du mal"),
        new("delete", StepKind.Type, [], "delete my data", "supprimer mes données"),
        new("confirm", StepKind.Choose, ["yes", "oui"], "yes", "oui"),
    ];
}
