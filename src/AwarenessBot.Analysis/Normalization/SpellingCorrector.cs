namespace AwarenessBot.Analysis.Normalization;

/// <summary>
/// Fixes a typo within one edit (insertion, deletion, substitution, or a swap of neighbours) in words of five letters
/// or more — "sucide" → suicide, "knfie" → knife, "pasport" → passport — but only towards the words the rules care
/// about, and never a word known to be spelled right (the training corpus's vocabulary): "skill" stays "skill".
/// A symmetric-delete index keeps it to a few dictionary look-ups per word.
/// </summary>
public sealed class SpellingCorrector
{
    public const int MinLength = 5;

    private readonly HashSet<string> _targets;
    private readonly HashSet<string> _known;
    private readonly Dictionary<string, string?> _deletes = new(StringComparer.Ordinal);

    /// <param name="targets">Words to correct towards (rule vocabulary), already normalised.</param>
    /// <param name="known">Words never corrected (correctly spelled everyday words).</param>
    public SpellingCorrector(IEnumerable<string> targets, IEnumerable<string> known)
    {
        _targets = new HashSet<string>(targets.Where(t => t.Length >= MinLength - 1 && t.All(char.IsLetter)), StringComparer.Ordinal);
        _known = new HashSet<string>(known, StringComparer.Ordinal);
        foreach (var target in _targets)
        {
            AddDelete(target, target);
            foreach (var deleted in Deletes(target))
            {
                AddDelete(deleted, target);
            }
        }
    }

    public static SpellingCorrector None { get; } = new([], []);

    /// <summary>The corrected word, or the word itself when it is known, short, or not within one edit of one target.</summary>
    public string Correct(string word)
    {
        if (word.Length < MinLength || _targets.Contains(word) || _known.Contains(word) || !IsLetters(word))
        {
            return word;
        }

        // word is a target minus one letter, or a target with one letter more / changed / swapped.
        if (_deletes.TryGetValue(word, out var direct) && direct is not null)
        {
            return direct;
        }

        string? found = null;
        foreach (var deleted in Deletes(word))
        {
            if (_targets.Contains(deleted) || (_deletes.TryGetValue(deleted, out var t) && t is not null && WithinOneEdit(word, t)))
            {
                var candidate = _targets.Contains(deleted) ? deleted : _deletes[deleted]!;
                if (found is not null && found != candidate)
                {
                    return word; // ambiguous: two targets are one edit away.
                }

                found = candidate;
            }
        }

        return found ?? word;
    }

    private void AddDelete(string key, string target)
    {
        // Two targets sharing a delete are ambiguous: remember that, correct to neither.
        if (_deletes.TryGetValue(key, out var existing))
        {
            if (existing != target && !_targets.Contains(key))
            {
                _deletes[key] = null;
            }
        }
        else
        {
            _deletes[key] = target;
        }
    }

    private static IEnumerable<string> Deletes(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }

    /// <summary>Same length ± 1 and one edit (or an adjacent swap) apart: guards the symmetric-delete shortcut.</summary>
    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        if (a.Length == b.Length)
        {
            var diffs = new List<int>(3);
            for (var i = 0; i < a.Length && diffs.Count < 3; i++)
            {
                if (a[i] != b[i])
                {
                    diffs.Add(i);
                }
            }

            return diffs.Count == 1
                || (diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]]);
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        for (var i = 0; i < longer.Length; i++)
        {
            if (string.Equals(string.Concat(longer.AsSpan(0, i), longer.AsSpan(i + 1)), shorter, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
