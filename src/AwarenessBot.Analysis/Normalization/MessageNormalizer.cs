using System.Globalization;
using System.Text;

namespace AwarenessBot.Analysis.Normalization;

/// <summary>
/// The one normaliser shared by the risk frames, the model and the intents. In order, per word: case and accent
/// folding, elongation ("pleeease" → please), French elision split ("j'ai" → j ai, "l'argent" → l argent) while other
/// apostrophes join ("didn't" → didnt), emoji mapped to words (💊 → pills), slang and SMS spellings of every
/// language (kms → kill myself, chu → je suis, d2 → dito), leetspeak inside words (n00dz → noodz, k1ll → kill),
/// then one-edit spelling correction towards the rules' vocabulary. Thread-safe and allocation-light.
/// </summary>
public sealed class MessageNormalizer
{
    private static readonly HashSet<string> ElisionPrefixes = new(StringComparer.Ordinal) { "j", "m", "t", "s", "l", "d", "n", "c", "qu", "jusqu", "lorsqu", "puisqu" };

    private readonly NormalizationRules _rules;
    private readonly SpellingCorrector _speller;

    public MessageNormalizer(NormalizationRules rules, SpellingCorrector? speller = null)
    {
        _rules = rules;
        _speller = speller ?? SpellingCorrector.None;
    }

    public NormalizationRules Rules => _rules;

    /// <summary>The one-edit corrector applied to every word (none for the plain normaliser).</summary>
    public SpellingCorrector Speller => _speller;

    public NormalizedMessage Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = new List<MessageToken>(Math.Min(text.Length / 4 + 4, 1024));
        var questionMask = Split(text, raw);
        var expanded = new List<MessageToken>(raw.Count + 8);
        ExpandSlang(text, raw, expanded);
        var modelInput = ReferenceEquals(_speller, SpellingCorrector.None) ? null : string.Join(' ', expanded.Select(t => t.Text));
        for (var i = 0; i < expanded.Count; i++)
        {
            var t = expanded[i];
            if (!t.FromEmoji)
            {
                expanded[i] = t with { Text = _speller.Correct(t.Text) };
            }
        }

        return new NormalizedMessage([.. expanded], questionMask, modelInput);
    }

    /// <summary>Words of a rule or intent phrase, normalised exactly like messages (load time).</summary>
    public string[] Words(string phrase) => [.. Normalize(phrase).Tokens.Select(t => t.Text)];

    private int Split(string text, List<MessageToken> tokens)
    {
        var word = new StringBuilder(32);
        var wordStart = -1;
        var clause = 0;
        var questionMask = 0;
        var lastLetter = '\0';
        var run = 0;
        var hasLetter = false;

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || (word.Length > 0 && _rules.Leet.ContainsKey(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                }

                var folded = CharFolding.Fold(c, out var second);
                hasLetter |= char.IsLetter(folded);
                Append(folded);
                if (second != '\0')
                {
                    Append(second);
                }

                continue;
            }

            if (IsApostrophe(c) && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                var prefix = word.ToString();
                if (ElisionPrefixes.Contains(prefix))
                {
                    Flush(i);
                    wordStart = i + 1;
                }

                continue; // "didn't" → didnt
            }

            Flush(i);
            if (char.IsSurrogate(c) || IsSymbol(c))
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                if (_rules.Emoji.TryGetValue(text.Substring(i, length), out var meaning))
                {
                    foreach (var w in meaning.Split(' '))
                    {
                        tokens.Add(new MessageToken(w, i, length, clause, FromEmoji: true));
                    }
                }

                i += length - 1;
                continue;
            }

            if (c is '?' or '¿')
            {
                if (c == '?' && clause < 31)
                {
                    questionMask |= 1 << clause;
                }

                if (c == '?' || tokens.Count > 0)
                {
                    clause++;
                }
            }
            else if (c is '.' or ',' or ';' or ':' or '!' or '\n' or '\r' or '…' or '¡')
            {
                if (tokens.Count > 0 && tokens[^1].Clause == clause)
                {
                    clause++;
                }
            }
        }

        Flush(text.Length);
        return questionMask;

        void Append(char folded)
        {
            // Three or more of the same letter collapse to one ("sooo" → so, "pleeease" → please after spelling).
            if (folded == lastLetter && char.IsLetter(folded))
            {
                run++;
                if (run == 2)
                {
                    word.Length--; // drop the second copy kept so far
                    return;
                }

                if (run > 2)
                {
                    return;
                }
            }
            else
            {
                run = 0;
            }

            lastLetter = folded;
            word.Append(folded);
        }

        void Flush(int end)
        {
            if (word.Length > 0)
            {
                var text1 = word.ToString();
                if (hasLetter)
                {
                    text1 = Deleet(text1);
                }

                tokens.Add(new MessageToken(text1, wordStart, end - wordStart, clause));
            }

            word.Clear();
            wordStart = -1;
            lastLetter = '\0';
            run = 0;
            hasLetter = false;
        }
    }

    /// <summary>Digits and symbols inside a word that has letters: n00dz → noodz, k1ll → kill, $ex → sex.</summary>
    private string Deleet(string word)
    {
        var needs = false;
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (_rules.Leet.ContainsKey(c))
            {
                needs = true;
            }
        }

        // "2nite", "b4", "14yo" are slang or ages, kept for the slang table; leet needs letters on both sides or most letters.
        if (!needs || letters < 2 || _rules.Slang.ContainsKey(word) || IsAgeLike(word))
        {
            return word;
        }

        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (_rules.Leet.TryGetValue(chars[i], out var letter))
            {
                chars[i] = letter;
            }
        }

        return new string(chars);
    }

    private static bool IsAgeLike(string word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsDigit(word[digits]))
        {
            digits++;
        }

        return digits > 0 && digits == word.Length - (word.Length - digits) && digits >= word.Length - 4 && digits <= 3 && digits < word.Length && word[digits..] is "yo" or "y" or "ans" or "an" or "anos" or "years" or "yrs" or "yr" or "ano" or "k" or "h" or "pm" or "am" or "th" or "st" or "nd" or "rd";
    }

    private void ExpandSlang(string text, List<MessageToken> raw, List<MessageToken> output)
    {
        for (var i = 0; i < raw.Count; i++)
        {
            var matched = IsTypedAsName(text, raw, i);
            if (matched)
            {
                output.Add(raw[i]);
            }

            for (var n = Math.Min(_rules.LongestSlangKey, raw.Count - i); n >= 1 && !matched; n--)
            {
                if (raw[i + n - 1].Clause != raw[i].Clause)
                {
                    continue;
                }

                var key = n == 1 ? raw[i].Text : string.Join(' ', raw.Skip(i).Take(n).Select(t => t.Text));
                if (!_rules.Slang.TryGetValue(key, out var replacement))
                {
                    continue;
                }

                var start = raw[i].Start;
                var length = raw[i + n - 1].Start + raw[i + n - 1].Length - start;
                foreach (var w in replacement)
                {
                    output.Add(new MessageToken(w, start, length, raw[i].Clause));
                }

                i += n - 1;
                matched = true;
            }

            if (!matched)
            {
                output.Add(raw[i]);
            }
        }
    }

    /// <summary>
    /// A slang key that is also a name stays as typed when written in capitals inside a message that is not all
    /// capitals, or when it ends a clause: "i moved from alberta to BC", "any shelters in bc" (British Columbia), while
    /// "i cant bc he took my phone" is "because". "Because" never ends a sentence.
    /// </summary>
    private bool IsTypedAsName(string text, List<MessageToken> raw, int i)
    {
        var token = raw[i];
        if (!_rules.NamesInCapitals.Contains(token.Text))
        {
            return false;
        }

        if (i + 1 == raw.Count || raw[i + 1].Clause != token.Clause)
        {
            return true;
        }

        var typed = text.AsSpan(token.Start, token.Length);
        return !typed.ContainsAnyInRange('a', 'z') && text.AsSpan().ContainsAnyInRange('a', 'z');
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    private static bool IsSymbol(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol;
    }
}
