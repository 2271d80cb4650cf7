using System.Text.RegularExpressions;
using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Catalog;
using PhoneNumbers;

namespace AwarenessBot.Analysis.PersonalData;

/// <summary>
/// Finds personal data spans. Kinds are tried in a fixed order and a later span overlapping an earlier one is dropped
/// (an email's digits are not a phone number; a SIN is not a phone number).
/// </summary>
internal static class PersonalDataDetector
{
    // The national region's code is the country's ISO code (seeds/catalog.yaml): numbers without +1 are read as Canadian.
    private static readonly string PhoneRegion = BotCatalog.Default.National.Code;
    private const int MinPhoneDigits = 7;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static IReadOnlyList<PersonalDataMatch> Detect(string text)
    {
        List<PersonalDataMatch>? found = null;
        var digits = CountDigits(text);
        if (text.Contains('@', StringComparison.Ordinal))
        {
            AddRegex(ref found, text, PersonalDataPatterns.Email(), PersonalDataKind.Email);
        }

        if (digits >= 9)
        {
            AddRegex(ref found, text, PersonalDataPatterns.SinCandidate(), PersonalDataKind.SocialInsuranceNumber, m => SinChecksum.IsValid(m.ValueSpan));
        }

        if (digits >= 6)
        {
            AddRegex(ref found, text, PersonalDataPatterns.DocumentNumber(), PersonalDataKind.PassportOrPermitNumber);
        }

        if (digits >= 3)
        {
            AddRegex(ref found, text, PersonalDataPatterns.PostalCode(), PersonalDataKind.PostalCode);
        }

        if (digits >= MinPhoneDigits)
        {
            foreach (var match in Phones.FindNumbers(text, PhoneRegion))
            {
                Add(ref found, new PersonalDataMatch(PersonalDataKind.Phone, match.Start, match.Length));
            }
        }

        if (digits >= 1)
        {
            AddRegex(ref found, text, PersonalDataPatterns.StreetAddress(), PersonalDataKind.StreetAddress);
        }

        AddNames(ref found, text);
        if (found is null)
        {
            return [];
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static void AddNames(ref List<PersonalDataMatch>? found, string text)
    {
        try
        {
            foreach (Match match in PersonalDataPatterns.NameAfterCue().Matches(text))
            {
                var name = match.Groups["name"];
                Add(ref found, new PersonalDataMatch(PersonalDataKind.PersonName, name.Index, name.Length));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input: skip this kind rather than fail the turn.
        }
    }

    private static void AddRegex(ref List<PersonalDataMatch>? found, string text, Regex regex, PersonalDataKind kind, Func<Match, bool>? accept = null)
    {
        try
        {
            foreach (Match match in regex.Matches(text))
            {
                if (accept is null || accept(match))
                {
                    Add(ref found, new PersonalDataMatch(kind, match.Index, match.Length));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input: skip this kind rather than fail the turn.
        }
    }

    private static void Add(ref List<PersonalDataMatch>? found, PersonalDataMatch candidate)
    {
        found ??= [];
        foreach (var existing in found)
        {
            if (existing.Start < candidate.Start + candidate.Length && candidate.Start < existing.Start + existing.Length)
            {
                return;
            }
        }

        found.Add(candidate);
    }

    private static int CountDigits(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }
}
