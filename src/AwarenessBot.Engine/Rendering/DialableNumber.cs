using AwarenessBot.Catalog;
using PhoneNumbers;

namespace AwarenessBot.Engine.Rendering;

/// <summary>
/// The tap target of a published number, read with libphonenumber as dialled from the national region of the catalog (Canada): a full number becomes E.164
/// ("1-833-900-1010" → "+18339001010", "011 52 55 1234 5678" → "+525512345678"); anything shorter — a short code
/// ("911", "211", "686868") or a local-only number ("310-1818") — stays as its digits, dialled as it is.
/// The displayed text is always the number as published; only the link changes.
/// </summary>
internal static class DialableNumber
{
    private static readonly string DialledFrom = BotCatalog.Default.National.Code;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>A North American toll-free number (1-800, 833, 844, 855, 866, 877, 888): free for the caller.</summary>
    public static bool IsTollFree(string published)
    {
        try
        {
            var number = Phones.Parse(published, DialledFrom);
            return number.CountryCode == 1 && Phones.GetNumberType(number) == PhoneNumberType.TOLL_FREE;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    public static string For(string published)
    {
        try
        {
            var number = Phones.Parse(published, DialledFrom);
            if (Phones.IsPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE)
            {
                return Phones.Format(number, PhoneNumberFormat.E164);
            }
        }
        catch (NumberParseException)
        {
            // Not a number libphonenumber can read: fall back to the digits.
        }

        return new string([.. published.Where(char.IsAsciiDigit)]);
    }
}
