namespace AwarenessBot.Analysis.Model;

/// <summary>The model's classes, in the fixed order of its weights and its file (never reorder: the file depends on it).</summary>
public enum TriageClass
{
    None = 0,
    ImmediateDanger = 1,
    SelfHarm = 2,
    ChildSexualExploitation = 3,
    LabourExploitation = 4,
}

/// <summary>Names of <see cref="TriageClass"/> as written in the corpus and the model file (<c>snake_case</c>).</summary>
public static class TriageClasses
{
    public const int Count = 5;

    private static readonly string[] NameTable = ["none", "immediate_danger", "self_harm", "child_sexual_exploitation", "labour_exploitation"];

    public static IReadOnlyList<string> Names => NameTable;

    /// <summary>The four risk classes (every class but <see cref="TriageClass.None"/>).</summary>
    public static IReadOnlyList<TriageClass> Risks { get; } =
        [TriageClass.ImmediateDanger, TriageClass.SelfHarm, TriageClass.ChildSexualExploitation, TriageClass.LabourExploitation];

    public static string Name(TriageClass value) => NameTable[(int)value];

    public static bool TryParse(string? name, out TriageClass value)
    {
        var index = Array.IndexOf(NameTable, name);
        value = index < 0 ? TriageClass.None : (TriageClass)index;
        return index >= 0;
    }
}
