using System.Text.RegularExpressions;
using AwarenessBot.Tests.DirectLine;

namespace AwarenessBot.Tests.Browser;

/// <summary>
/// Project rule: service numbers come from the service directory (seeds/services/), which the server puts in the
/// page. The page's own scripts and HTML never type one, so a changed number is fixed in one place.
/// </summary>
public sealed partial class PageNumbersConventionTests
{
    [Fact]
    public void The_page_files_contain_no_phone_number()
    {
        var root = Path.Combine(RepositoryFolders.HostProject, "wwwroot");
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".html", StringComparison.Ordinal))
            .Where(path => !IsUnder(root, path, "lib") && !IsUnder(root, path, "admin"))
            .ToList();

        Assert.Contains(files, path => path.EndsWith("strings.js", StringComparison.Ordinal));
        Assert.Contains(files, path => path.EndsWith("index.html", StringComparison.Ordinal));
        Assert.Contains(files, path => path.EndsWith("privacy.html", StringComparison.Ordinal));
        var found = files
            .SelectMany(path => PhoneLike().Matches(File.ReadAllText(path)).Select(match => $"{Path.GetFileName(path)}: {match.Value}"))
            .ToList();
        Assert.True(found.Count == 0, "Numbers typed in page code (take them from the service directory):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("Call 911 now")]
    [InlineData("call or text 9-8-8")]
    [InlineData("text 988")]
    [InlineData("1-833-900-1010")]
    [InlineData("1 800 668 6868")]
    [InlineData("(604) 555-0100")]
    [InlineData("text CONNECT to 686868")]
    [InlineData("Cybertip.ca")]
    [InlineData("Cyberaide.ca")]
    public void The_pattern_catches_the_numbers_the_page_used_to_type(string text) => Assert.Matches(PhoneLike(), text);

    [Theory]
    [InlineData("bubbleMaxWidth: 560")]
    [InlineData("'#0e4f5c'")]
    [InlineData("M16 3 5 7.5v7.2c0 6.6 4.6 12.4 11 14.3")]
    [InlineData("config.idleMinutes * 60 * 1000")]
    public void The_pattern_ignores_ordinary_numbers(string text) => Assert.DoesNotMatch(PhoneLike(), text);

    private static bool IsUnder(string root, string path, string folder) =>
        Path.GetRelativePath(root, path).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // N-1-1 and 9-8-8 style short codes, North American numbers in any punctuation, SMS short codes, and the
    // report site's names (a number in all but form).
    [GeneratedRegex(@"(?<![\w.#-])(?:[2-9]11|9-?8-?8|\d{6})(?![\w-])|(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|cyber(?:tip|aide)\.ca", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneLike();
}
