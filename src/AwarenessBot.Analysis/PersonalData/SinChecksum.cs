namespace AwarenessBot.Analysis.PersonalData;

/// <summary>Social Insurance Numbers pass the Luhn check; random 9-digit numbers mostly do not.</summary>
internal static class SinChecksum
{
    public static bool IsValid(ReadOnlySpan<char> candidate)
    {
        var sum = 0;
        var position = 0;
        foreach (var c in candidate)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var digit = c - '0';
            if (position % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            position++;
        }

        return position == 9 && sum % 10 == 0;
    }
}
