using System.Text.RegularExpressions;
using AwarenessBot.Engine.Rendering;
using AwarenessBot.Engine.Tests.Fakes;

namespace AwarenessBot.Engine.Tests.Rendering;

public sealed partial class DialableNumberTests
{
    [Theory]
    [InlineData("416-969-8510", "+14169698510")] // Toronto
    [InlineData("1-204-786-8631", "+12047868631")] // Winnipeg, with the trunk 1
    [InlineData("1-833-900-1010", "+18339001010")] // toll-free
    [InlineData("1-800-668-6868", "+18006686868")] // toll-free
    [InlineData("911", "911")] // short code
    [InlineData("211", "211")]
    [InlineData("686868", "686868")] // Kids Help Phone's text short code
    [InlineData("310-1818", "3101818")] // BC's province-wide local-only number
    [InlineData("011 52 55 5128 0000", "+525551280000")] // an international number dialled from Canada
    public void Published_number_becomes_the_link_dialled_from_Canada(string published, string expected) =>
        Assert.Equal(expected, DialableNumber.For(published));

    /// <summary>Today's links for the real directory stay as they were: 10 or 11 digits → +1 and the ten, else the digits.</summary>
    [Fact]
    public void Every_number_in_the_real_service_directory_keeps_its_link()
    {
        var published = Directory.EnumerateFiles(Path.Combine(Paths.Seeds, "services"), "*.yaml", SearchOption.AllDirectories)
            .SelectMany(file => NumberField().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.True(published.Count > 50, $"only {published.Count} numbers found");
        Assert.All(published, number =>
        {
            var digits = new string([.. number.Where(char.IsAsciiDigit)]);
            var expected = digits.Length == 10 || (digits.Length == 11 && digits[0] == '1') ? "+1" + digits[^10..] : digits;
            Assert.Equal(expected, DialableNumber.For(number));
        });
    }

    [GeneratedRegex("""^\s*(?:phone|number):\s*"([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex NumberField();
}
