using AwarenessBot.Content.Validation;
using AwarenessBot.DataFiles;

namespace AwarenessBot.Content.Translation;

/// <summary>
/// The outcome of an import. When Report has errors from the CSV itself, nothing was written. Otherwise the changed
/// files were written and Report also carries the validator's issues for them (readability of the new text, etc.).
/// </summary>
public sealed record TranslationImportResult(ValidationReport Report, IReadOnlyList<string> ChangedFiles, int ChangedTexts);
