using AwarenessBot.Analysis.Abstractions;

namespace AwarenessBot.Analysis.Azure;

/// <summary>Azure PII categories we redact. Others (DateTime, Quantity, Organization...) are ignored: not personal here.</summary>
internal static class AzurePiiCategories
{
    public static PersonalDataKind? ToKind(string? category) => category switch
    {
        null => null,
        "PhoneNumber" => PersonalDataKind.Phone,
        "Email" => PersonalDataKind.Email,
        "CASocialInsuranceNumber" => PersonalDataKind.SocialInsuranceNumber,
        "Address" => PersonalDataKind.StreetAddress,
        "Person" => PersonalDataKind.PersonName,
        "CAPostalCode" or "ZipCode" => PersonalDataKind.PostalCode,
        _ when category.Contains("Passport", StringComparison.Ordinal) => PersonalDataKind.PassportOrPermitNumber,
        _ when category.Contains("Number", StringComparison.Ordinal) || category.Contains("Identification", StringComparison.Ordinal)
            || category.EndsWith("ID", StringComparison.Ordinal) => PersonalDataKind.Other,
        _ => null,
    };
}
