using AwarenessBot.Content.Readability;

namespace AwarenessBot.Content.Tests.Readability;

public sealed class ReadabilityCalculatorTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("make", 1)]
    [InlineData("table", 2)]
    [InlineData("adult", 2)]
    [InlineData("jumped", 1)]
    [InlineData("wanted", 2)]
    [InlineData("beautiful", 3)]
    [InlineData("education", 4)]
    [InlineData("friend", 1)]
    public void English_syllables(string word, int expected) => Assert.Equal(expected, SyllableCounters.English(word));

    [Theory]
    [InlineData("école", 2)]
    [InlineData("parler", 2)]
    [InlineData("photos", 2)]
    [InlineData("confiance", 2)]
    public void French_syllables(string word, int expected) => Assert.Equal(expected, SyllableCounters.French(word));

    [Theory]
    [InlineData("país", 2)]
    [InlineData("bueno", 2)]
    [InlineData("leer", 2)]
    [InlineData("trabajo", 3)]
    public void Spanish_syllables(string word, int expected) => Assert.Equal(expected, SyllableCounters.Spanish(word));

    [Theory]
    [InlineData("karapatan", 4)]
    [InlineData("trabaho", 3)]
    [InlineData("ng", 1)]
    public void Tagalog_syllables(string word, int expected) => Assert.Equal(expected, SyllableCounters.Tagalog(word));

    [Fact]
    public void Flesch_Kincaid_matches_the_published_example()
    {
        // "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature." 13 words, 24 syllables: grade 11.3.
        var grade = ReadabilityCalculator.FleschKincaidGrade(new TextStatistics(13, 1, 24));

        Assert.Equal(11.3, grade, 1);
    }

    [Fact]
    public void Kandel_Moles_and_its_grade_mapping()
    {
        var stats = new TextStatistics(Words: 100, Sentences: 10, Syllables: 150);

        var ease = ReadabilityCalculator.KandelMoles(stats);

        Assert.Equal(86.45, ease, 2);
        Assert.Equal(5.355, EaseToGrade.Map(ease), 3);
    }

    [Fact]
    public void Fernandez_Huerta()
    {
        var ease = ReadabilityCalculator.FernandezHuerta(new TextStatistics(Words: 100, Sentences: 10, Syllables: 200));

        Assert.Equal(76.64, ease, 2);
    }

    [Theory]
    [InlineData(100, 4)]
    [InlineData(90, 5)]
    [InlineData(70, 7)]
    [InlineData(60, 8.5)]
    [InlineData(50, 11)]
    [InlineData(0, 17)]
    public void Ease_maps_to_Flesch_table_grades(double ease, double grade) => Assert.Equal(grade, EaseToGrade.Map(ease), 3);

    [Fact]
    public void Plain_text_scores_below_a_hard_text()
    {
        var plain = ReadabilityCalculator.Measure("en", ["Stop replying. Take a screenshot. Block them. Tell a safe adult. It is not your fault. You can get help. You are not alone."]);
        var hard = ReadabilityCalculator.Measure("en", ["Perpetrators systematically manipulate adolescents through sophisticated psychological conditioning, incrementally normalizing inappropriate communication and exploitative expectations within ostensibly affectionate relationships, subsequently exploiting vulnerabilities."]);

        Assert.NotNull(plain);
        Assert.NotNull(hard);
        Assert.True(plain.Grade < 3, $"plain text scored {plain.Grade}");
        Assert.True(hard.Grade > 12, $"hard text scored {hard.Grade}");
    }

    [Fact]
    public void French_plain_text_passes_the_13_15_ceiling()
    {
        var score = ReadabilityCalculator.Measure("fr", ["Arrête de répondre. Fais des captures d'écran. Bloque la personne. Parles-en à un adulte de confiance. Ce n'est pas ta faute. Tu n'es pas seul."]);

        Assert.NotNull(score);
        Assert.True(score.Grade <= ReadabilityCeilings.For("13-15"), $"scored {score.Grade}");
    }

    [Fact]
    public void Short_text_is_not_scored() => Assert.Null(ReadabilityCalculator.Measure("en", ["Call now."]));

    [Fact]
    public void Links_placeholders_and_bold_are_not_read_as_words()
    {
        var cleaned = TextStatisticsCounter.Clean("Go to **[NeedHelpNow](https://needhelpnow.ca/)** or call {service:ca_211}.");

        Assert.Equal("Go to NeedHelpNow or call  .", cleaned);
    }

    [Theory]
    [InlineData(new[] { "9-12" }, 5)]
    [InlineData(new[] { "13-15", "16-18", "19+" }, 7)]
    [InlineData(new[] { "worker" }, 9)]
    [InlineData(new[] { "educator" }, 12)]
    [InlineData(new[] { "all" }, 6)]
    public void Strictest_ceiling_of_a_variant(string[] audiences, double ceiling) =>
        Assert.Equal(ceiling, ReadabilityCeilings.Strictest(audiences).Grade);
}
