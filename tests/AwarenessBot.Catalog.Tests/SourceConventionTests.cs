using System.Text.RegularExpressions;

namespace AwarenessBot.Catalog.Tests;

/// <summary>
/// C# names no locale and no region by its code: the list of languages and regions is seeds/catalog.yaml, read through
/// <see cref="BotCatalog"/>, and per-language code (stemmers, syllable counters, formulas) is chosen by the catalog's
/// name for it. A string literal equal to a catalog locale code ("tl") or region code ("QC", "CA") in a .cs file
/// under src/ fails here; comments are not read. Use <c>BotCatalog.Default.FallbackLocale</c>,
/// <c>BotCatalog.Default.LocaleCodes</c>, <c>FindLocale(code)?.Stemmer</c>, <c>Regions</c>, <c>National</c>.
/// </summary>
public sealed partial class SourceConventionTests
{
    /// <summary>Literals that look like a code but are not one, with the reason (file, the trimmed line, why).</summary>
    private static readonly (string File, string Line, string Why)[] Allowed =
    [
        ("src/AwarenessBot.Content/Readability/SyllableCounters.cs", "if ((w.EndsWith(\"es\", StringComparison.Ordinal) || w.EndsWith(\"ed\", StringComparison.Ordinal))", "the English ending -es, not Spanish"),
        ("src/AwarenessBot.Content/Readability/SyllableCounters.cs", ": w.EndsWith(\"es\", StringComparison.Ordinal) && w.Length > 3 ? 2", "the French ending -es, not Spanish"),
    ];

    [Fact]
    public void No_cs_file_under_src_names_a_locale_or_region_code()
    {
        var catalog = BotCatalog.Default;
        var codes = catalog.LocaleCodes.Concat(catalog.RegionCodes).Append(catalog.National.Code).ToHashSet(StringComparer.Ordinal);
        var offenders = new List<string>();
        var used = new HashSet<(string, string)>();
        foreach (var file in SourceFiles())
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('*')) continue;
                var code = Literal().Matches(line).Select(m => m.Groups[1].Value).FirstOrDefault(codes.Contains);
                if (code is null) continue;
                if (Allowed.FirstOrDefault(a => a.File == relative && a.Line == line) is { File: not null } allowed)
                {
                    used.Add((allowed.File, allowed.Line));
                    continue;
                }

                offenders.Add($"{relative}:{i + 1}: \"{code}\" in: {line}");
            }
        }

        Assert.True(offenders.Count == 0, "Locale and region codes live in seeds/catalog.yaml; read them through BotCatalog.Default:\n" + string.Join("\n", offenders));
        Assert.Empty(Allowed.Where(a => !used.Contains((a.File, a.Line))).Select(a => $"{a.File}: allow-list entry no longer needed: {a.Line}"));
    }

    [Fact]
    public void The_convention_sees_a_locale_list()
    {
        var line = "private static readonly string[] Locales = [\"en\", \"fr\", \"es\", \"tl\"];";
        Assert.Equal(["en", "fr", "es", "tl"], Literal().Matches(line).Select(m => m.Groups[1].Value));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // A whole string literal of two or three letters: "tl", "QC".
    [GeneratedRegex("\"([A-Za-z]{2,3})\"")]
    private static partial Regex Literal();
}
