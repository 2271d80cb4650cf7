using System.Text;
using AwarenessBot.Analysis.Abstractions;

namespace AwarenessBot.Analysis.PersonalData;

/// <summary>
/// Replaces each personal data span with a placeholder naming its kind ("[phone]", "[email]", "[sin]", "[postal_code]",
/// "[address]", "[document_number]", "[name]", "[redacted]"), so a redacted copy stays readable for reviewers.
/// </summary>
public static class Redactor
{
    public static string Placeholder(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Phone => "[phone]",
        PersonalDataKind.Email => "[email]",
        PersonalDataKind.SocialInsuranceNumber => "[sin]",
        PersonalDataKind.PostalCode => "[postal_code]",
        PersonalDataKind.StreetAddress => "[address]",
        PersonalDataKind.PassportOrPermitNumber => "[document_number]",
        PersonalDataKind.PersonName => "[name]",
        _ => "[redacted]",
    };

    /// <param name="matches">Non-overlapping spans sorted by start.</param>
    public static string Redact(string text, IReadOnlyList<PersonalDataMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var match in matches)
        {
            if (match.Start < position || match.Start + match.Length > text.Length)
            {
                continue;
            }

            builder.Append(text, position, match.Start - position).Append(Placeholder(match.Kind));
            position = match.Start + match.Length;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
