using AwarenessBot.Analysis.Tests.Support;

namespace AwarenessBot.Analysis.Tests.Risk;

/// <summary>
/// Who a risk message is about (seeds/triage/frames.yaml, third_person), over a labelled list in four languages
/// (Risk/third-person.tsv): a family word beside a first-person report ("says not to tell my mom", "mi amigo de
/// internet", "le dire à ma mère", "sabihin sa nanay ko") is not a report about someone else; a true report is.
/// </summary>
public sealed class ThirdPersonTests
{
    private const double Floor = 0.95;

    public static TheoryData<string, string, string> Lines()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Risk", "third-person.tsv")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1], parts[2]);
        }

        return data;
    }

    [Fact]
    public void The_list_covers_four_languages_both_ways()
    {
        var lines = Lines().Select(r => ((string)r[0], (string)r[1])).ToList();

        Assert.True(lines.Count >= 40, $"{lines.Count} lines");
        foreach (var lang in new[] { "en", "fr", "es", "tl" })
        {
            Assert.Contains((lang, "self"), lines);
            Assert.Contains((lang, "other"), lines);
        }
    }

    [Fact]
    public void The_flag_says_who_the_message_is_about()
    {
        var wrong = new List<string>();
        var total = 0;
        foreach (var row in Lines())
        {
            var (about, text) = ((string)row[1], (string)row[2]);
            total++;
            var answered = Seeds.Analyzer.Analyze(text).Strongest;
            if (answered is null) wrong.Add($"no risk raised: {text}");
            else if (answered.ThirdPerson != (about == "other")) wrong.Add($"{about}, flagged {(answered.ThirdPerson ? "other" : "self")}: {text}");
        }

        // Every line is expected right; the floor leaves room for a model retrained on new batches, not for the rule.
        Assert.True(wrong.Count <= total * (1 - Floor), string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("theres this guy i met on discord hes 22 and wants me to come to his place saturday and says not to tell my mom")]
    [InlineData("my friend online wants to meet me at the mall and says dont tell my mom its our secret")]
    [InlineData("un chavo que conocí en discord quiere que vaya a su casa y dice que no le diga a mi mamá")]
    [InlineData("un gars de 22 ans sur snap veut me voir samedi chez lui et dit de pas le dire à ma mère")]
    [InlineData("may lalaki sa discord gusto niya akong makipagkita sa sabado wag ko daw sabihin sa mama ko")]
    public void The_one_not_to_tell_is_not_the_one_it_happens_to(string text)
    {
        var answered = Seeds.Analyzer.Analyze(text).Strongest;

        Assert.NotNull(answered);
        Assert.False(answered.ThirdPerson);
    }
}
