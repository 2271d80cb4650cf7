namespace AwarenessBot.Analysis.Frames;

internal enum ElementKind { Stem, Exact, Prefix, Minor, Adult, Amount }

/// <summary>One word position of a concept entry: a stem in the entry's language, an exact word, a prefix or a number.</summary>
internal readonly record struct EntryElement(ElementKind Kind, string Text);

/// <summary>A compiled concept entry: "take off my clothes" → four elements matched on consecutive tokens.</summary>
internal sealed record ConceptEntry(int Concept, string Locale, EntryElement[] Elements);
