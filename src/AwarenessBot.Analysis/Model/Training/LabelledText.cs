namespace AwarenessBot.Analysis.Model.Training;

/// <summary>A corpus line: the text as a person typed it, its class and language (<c>en</c>, <c>fr</c>, <c>es</c>, <c>tl</c>).</summary>
public sealed record LabelledText(string Text, TriageClass Label, string Language);
