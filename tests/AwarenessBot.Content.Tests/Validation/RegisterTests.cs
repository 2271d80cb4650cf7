using System.Text.RegularExpressions;
using AwarenessBot.Content.Loading;
using AwarenessBot.Content.Validation;

namespace AwarenessBot.Content.Tests.Validation;

/// <summary>
/// Register in translations (seeds/content/README.md, "Register and gender"). Spanish: a variant read only by adults
/// (19+, worker, parent, educator) says usted, so it holds no form that can only be tú; `concerned` is not checked (a
/// crisis about someone else picks it for a writer of any age). Tagalog: a parent variant says po/kayo/ninyo, never
/// ka/mo/ikaw. Left out: quoted words, which are someone else's ("demuéstrame que me quieres"), and in educator
/// variants the questions put to students (tú, as the README says).
/// </summary>
public sealed partial class RegisterTests
{
    private static readonly HashSet<string> AdultAudiences = new(StringComparer.Ordinal) { "19+", "worker", "parent", "educator" };

    /// <summary>
    /// Forms that are tú and nothing else. Not "llama", "pide", "guarda", "bloquea", "confía" or "ven": those are also
    /// he/she (or they) forms, common in usted texts ("su empleador le pide...").
    /// </summary>
    private static readonly HashSet<string> TuForms = new(StringComparer.Ordinal)
    {
        "tú", "tu", "tus", "te", "ti", "contigo",
        "eres", "estás", "tienes", "puedes", "quieres", "sabes", "necesitas", "sientes", "debes", "vas", "has", "haces",
        "conoces", "crees", "vives", "trabajas", "pagas", "hablas", "dices", "piensas", "recibes", "mandas", "envías",
        "decides", "mereces",
        "pagues", "envíes", "mandes", "vayas", "digas", "hagas", "tengas", "estés", "sientas", "puedas", "quieras", "seas",
        "contactes", "copies", "culpes", "castigues", "subas", "guardes",
        "haz", "ten", "pon", "dile", "díselo", "dime", "cuéntale", "cuéntaselo", "denúncialo", "denúnciala", "repórtalo",
        "bloquéalo", "bloquéala", "guárdalo", "guárdala", "aléjate", "quédate", "detente", "cuídate", "llámanos",
        "escríbenos", "pídele", "avísale", "pregúntale", "agradécele", "ayúdale", "ayúdala", "ayúdalo",
    };

    /// <summary>Tagalog second person singular, the familiar "you" (ka, mo, ikaw, iyo and their linked forms).</summary>
    private static readonly HashSet<string> TagalogFamiliar = new(StringComparer.Ordinal) { "ka", "kang", "mo", "mong", "ikaw", "iyo", "iyong" };

    [Fact]
    public void Tagalog_for_parents_says_po_and_ninyo()
    {
        var problems = FormsInVariants("tl", audience => audience.Contains("parent"), TagalogFamiliar, skipStudentQuestions: false);
        Assert.True(problems.Count == 0, "ka/mo in a Tagalog parent variant (write kayo/ninyo):\n" + string.Join("\n", problems));
    }

    /// <summary>Tagalog polite "you" (kayo, ninyo, inyo and their linked forms, and po), said to parents only.</summary>
    private static readonly HashSet<string> TagalogPolite = new(StringComparer.Ordinal) { "kayo", "ninyo", "ninyong", "inyo", "inyong", "po" };

    /// <summary>
    /// nav26: educators are spoken to with mo, like everyone but parents. The educators' content items said mo while
    /// the educators' web page (wwwroot/educators-strings.js) said "page ng leksyon ninyo", "administrator ninyo".
    /// </summary>
    [Fact]
    public void Tagalog_for_educators_says_mo_in_the_content_and_on_the_page()
    {
        var problems = FormsInVariants("tl", audience => audience.Contains("educator") && !audience.Contains("parent"), TagalogPolite, skipStudentQuestions: false);
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "AwarenessBot", "wwwroot", "educators-strings.js"));
        var start = page.IndexOf("\n  tl: {", StringComparison.Ordinal);
        Assert.True(start >= 0, "no Tagalog block in educators-strings.js");
        var end = page.IndexOf("\n  },", start, StringComparison.Ordinal);
        var block = end < 0 ? page[start..] : page[start..end];
        foreach (Match text in SingleQuoted().Matches(block))
        {
            var found = FormsIn(text.Groups[1].Value, TagalogPolite, studentQuestions: false);
            if (found.Count > 0) problems.Add($"educators-strings.js tl: {string.Join(", ", found)} in '{text.Groups[1].Value}'");
        }

        Assert.True(problems.Count == 0, "kayo/ninyo/po for educators in Tagalog (write mo):\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("Huwag mong kontakin ang tao.", "mong")]
    [InlineData("Huwag ninyong kontakin ang tao. Sabihin niya: \"tulungan mo ako\".", "")]
    public void The_tagalog_check_finds_ka_and_mo_outside_quotes(string text, string expected) =>
        Assert.Equal(expected, string.Join(", ", FormsIn(text, TagalogFamiliar, studentQuestions: false)));

    [Fact]
    public void Spanish_for_adults_only_says_usted()
    {
        var problems = FormsInVariants("es", audience => audience.Count > 0 && audience.All(AdultAudiences.Contains), TuForms, skipStudentQuestions: true);
        Assert.True(problems.Count == 0, "tú in a Spanish variant for adults (write usted):\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("Si tienes miedo, llama al 911.", false, "tienes")]
    [InlineData("Cuéntaselo a alguien de confianza. No pagues.", false, "cuéntaselo, pagues")]
    [InlineData("Su empleador le pide el pasaporte: guarde una copia.", false, "")]
    [InlineData("La presión o “demuéstrame que me quieres” son señales de alerta.", false, "")]
    [InlineData("Pregunte: ¿qué harías si un amigo te dijera algo?", true, "")]
    [InlineData("Pregunte: ¿qué harías si un amigo te dijera algo?", false, "te")]
    public void The_spanish_check_finds_tu_outside_quotes_and_student_questions(string text, bool studentQuestions, string expected) =>
        Assert.Equal(expected, string.Join(", ", FormsIn(text, TuForms, studentQuestions)));

    /// <summary>
    /// The texts in <paramref name="locale"/> of the real seeds' variants whose audience is <paramref name="selected"/>
    /// that hold one of <paramref name="forms"/>, as "id [audience]: forms in text" (with
    /// <paramref name="skipStudentQuestions"/>, the questions put to students in educator variants are left out).
    /// </summary>
    /// <summary>
    /// French texts for young people and everyone (tu) name both genders where one word carries a comfort or a safety
    /// line: « tu n'es pas seul ou seule », « vivre ça seul ou seule » (seeds/content/README.md). Stop 35 fixed the
    /// self-harm and danger answers; the child-exploitation, grooming and image-request answers and five follow-ups
    /// still said « tu n'es pas seul » (stop 36).
    /// </summary>
    [Fact]
    public void French_comfort_lines_name_both_genders()
    {
        var seeds = SeedsReader.Read(new SeedPaths(TestPaths.RealSeeds), new IssueCollector());
        var problems = new List<string>();
        foreach (var item in seeds.Items)
        foreach (var variant in item.Definition.Variants)
        {
            if (!variant.Locales.TryGetValue("fr", out var texts) || variant.Audience.Any(AdultAudiences.Contains)) continue;
            problems.AddRange(Texts(texts).Where(text => MasculineOnlyComfort().IsMatch(Quoted().Replace(text, " ")))
                .Select(text => $"{item.Definition.Id} [{string.Join(", ", variant.Audience)}]: \"{text}\""));
        }

        Assert.True(problems.Count == 0, "masculine-only comfort line (write « seul ou seule », « blessé ou blessée »):\n" + string.Join("\n", problems));
    }

    [GeneratedRegex(@"\b(pas|ça|aller|es) (seul|prêt|blessé)\b(?! ou)", RegexOptions.IgnoreCase)]
    private static partial Regex MasculineOnlyComfort();

    private static List<string> FormsInVariants(string locale, Func<IReadOnlyList<string>, bool> selected, HashSet<string> forms,
        bool skipStudentQuestions)
    {
        var seeds = SeedsReader.Read(new SeedPaths(TestPaths.RealSeeds), new IssueCollector());
        var problems = new List<string>();
        foreach (var item in seeds.Items)
        foreach (var variant in item.Definition.Variants)
        {
            if (!selected(variant.Audience) || !variant.Locales.TryGetValue(locale, out var texts)) continue;
            var studentQuestions = skipStudentQuestions && variant.Audience.Contains("educator");
            foreach (var text in Texts(texts))
            {
                var found = FormsIn(text, forms, studentQuestions);
                if (found.Count > 0)
                    problems.Add($"{item.Definition.Id} [{string.Join(", ", variant.Audience)}]: {string.Join(", ", found)} in \"{text}\"");
            }
        }

        return problems;
    }

    private static List<string> FormsIn(string text, HashSet<string> forms, bool studentQuestions)
    {
        var plain = Quoted().Replace(text, " ");
        if (studentQuestions) plain = Question().Replace(plain, " ");
        return Word().Matches(plain.ToLowerInvariant()).Select(m => m.Value).Where(forms.Contains).Distinct().ToList();
    }

    private static IEnumerable<string> Texts(LocaleTextDefinition locale)
    {
        foreach (var message in locale.Messages) yield return message;
        if (locale.Quiz is not { } quiz) yield break;
        yield return quiz.Question;
        yield return quiz.FeedbackCorrect;
        yield return quiz.FeedbackIncorrect;
        foreach (var choice in quiz.Choices) yield return choice;
    }

    [GeneratedRegex("“[^”]*”|«[^»]*»|\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"'((?:[^'\\]|\\.)*)'")]
    private static partial Regex SingleQuoted();

    [GeneratedRegex(@"¿[^?]*\?")]
    private static partial Regex Question();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
