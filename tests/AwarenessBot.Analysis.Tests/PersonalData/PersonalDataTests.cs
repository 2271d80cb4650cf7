using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.PersonalData;
using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.PersonalData;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("call me at 416-555-0134 tonight", PersonalDataKind.Phone, "416-555-0134")]
    [InlineData("mon numéro: (514) 555 0199", PersonalDataKind.Phone, "(514) 555 0199")]
    [InlineData("write to jess.m@example.com please", PersonalDataKind.Email, "jess.m@example.com")]
    [InlineData("my SIN is 046 454 286", PersonalDataKind.SocialInsuranceNumber, "046 454 286")]
    [InlineData("sin 046-454-286 ok", PersonalDataKind.SocialInsuranceNumber, "046-454-286")]
    [InlineData("I live near M5V 2T6", PersonalDataKind.PostalCode, "M5V 2T6")]
    [InlineData("code postal h2x1y4", PersonalDataKind.PostalCode, "h2x1y4")]
    [InlineData("I'm at 22 Maple Street now", PersonalDataKind.StreetAddress, "22 Maple Street")]
    [InlineData("je suis au 450 rue Sainte-Catherine", PersonalDataKind.StreetAddress, "450 rue Sainte-Catherine")]
    [InlineData("vivo en calle Hidalgo 123", PersonalDataKind.StreetAddress, "calle Hidalgo 123")]
    [InlineData("passport AB123456 is with him", PersonalDataKind.PassportOrPermitNumber, "AB123456")]
    [InlineData("my passport P1234567A", PersonalDataKind.PassportOrPermitNumber, "P1234567A")]
    [InlineData("permit W123456789", PersonalDataKind.PassportOrPermitNumber, "W123456789")]
    [InlineData("my name is Jessica Moreau and I need help", PersonalDataKind.PersonName, "Jessica Moreau")]
    [InlineData("je m'appelle Amélie", PersonalDataKind.PersonName, "Amélie")]
    [InlineData("me llamo Rosa", PersonalDataKind.PersonName, "Rosa")]
    [InlineData("ako si Maria", PersonalDataKind.PersonName, "Maria")]
    public void Detects_each_kind(string text, PersonalDataKind kind, string expected)
    {
        var match = Assert.Single(Seeds.Analyzer.Analyze(text).PersonalData, m => m.Kind == kind);

        Assert.Equal(expected, text.Substring(match.Start, match.Length));
    }

    [Theory]
    [InlineData("my student number is 123 456 789")] // fails Luhn: not a SIN
    [InlineData("I am 15 and I live in Ontario")]
    [InlineData("we were 3 people on the bus")]
    public void Ignores_numbers_that_are_not_personal_data(string text)
    {
        Assert.Empty(Seeds.Analyzer.Analyze(text).PersonalData);
    }

    [Fact]
    public void Redacted_copy_replaces_every_span_with_its_placeholder()
    {
        const string text = "my name is Jessica, SIN 046 454 286, jess@example.com, 416-555-0134, 22 Maple Street M5V 2T6, passport AB123456";

        var analysis = Seeds.Analyzer.Analyze(text);

        Assert.Equal(
            "my name is [name], SIN [sin], [email], [phone], [address] [postal_code], passport [document_number]",
            analysis.RedactedText);
    }

    [Fact]
    public void Text_without_personal_data_is_returned_unchanged()
    {
        const string text = "how do I renew my work permit?";

        Assert.Same(text, Seeds.Analyzer.Analyze(text).RedactedText);
    }

    [Fact]
    public void Redactor_skips_overlapping_or_out_of_range_spans()
    {
        var redacted = Redactor.Redact("abc def", [new(PersonalDataKind.Other, 0, 3), new(PersonalDataKind.Phone, 2, 3), new(PersonalDataKind.Email, 6, 5)]);

        Assert.Equal("[redacted] def", redacted);
    }
}
