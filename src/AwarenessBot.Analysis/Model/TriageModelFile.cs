namespace AwarenessBot.Analysis.Model;

/// <summary>
/// <see cref="TriageModel"/> in the shared linear model file (<see cref="LinearModelFile"/>): scoring "risk against
/// none" and the five classes in their fixed order, both checked on reading.
/// </summary>
internal static class TriageModelFile
{
    public const ushort Version = LinearModelFile.Version;

    private const string TrainCommand = "train-triage";

    public static void Write(TriageModel model, string path) => LinearModelFile.Write(ToData(model), path);

    public static TriageModel Read(string path) => FromData(LinearModelFile.Read(path, TrainCommand), path);

    public static byte[] ToBytes(TriageModel model) => LinearModelFile.ToBytes(ToData(model));

    public static TriageModel FromBytes(byte[] bytes, string source) => FromData(LinearModelFile.FromBytes(bytes, source), source);

    private static LinearModelData ToData(TriageModel model) => new(
        LinearModelFile.ScoringRiskAgainstNone,
        model.Settings,
        TriageClasses.Names,
        model.Biases.ToArray(),
        [.. Enumerable.Range(0, TriageClasses.Count).Select(c => model.Thresholds((TriageClass)c))],
        model.Description,
        model.Weights.ToArray());

    private static TriageModel FromData(LinearModelData data, string source)
    {
        if (data.Scoring != LinearModelFile.ScoringRiskAgainstNone)
        {
            throw new InvalidDataException($"{source}: not a triage model (scoring scheme {data.Scoring})");
        }

        if (!data.ClassNames.SequenceEqual(TriageClasses.Names, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                $"{source}: classes are '{string.Join(", ", data.ClassNames)}', expected '{string.Join(", ", TriageClasses.Names)}' (classes have a fixed order)");
        }

        return new TriageModel(data.Settings, data.Weights, data.Biases, data.Thresholds, data.Description);
    }
}
