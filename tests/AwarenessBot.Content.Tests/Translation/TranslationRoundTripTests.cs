using System.Text;
using AwarenessBot.Content.Repository;
using AwarenessBot.Content.Translation;
using AwarenessBot.Content.Validation;

namespace AwarenessBot.Content.Tests.Translation;

public sealed class TranslationRoundTripTests : IDisposable
{
    private const string Item = "content/online-safety/fixture_sextortion_steps.yaml";
    private readonly SeedsFolder _seeds = SeedsFolder.CreateValid();

    public void Dispose() => _seeds.Dispose();

    private string CsvPath => Path.Combine(_seeds.Root, "fr.csv");

    [Fact]
    public void Export_lists_every_English_text_with_its_translation_and_status()
    {
        var rows = TranslationExporter.Rows(_seeds.Path, "fr");

        var message = Assert.Single(rows, r => r.Id == "fixture_sextortion_steps" && r.Variant == "0" && r.Field == "messages[1]");
        Assert.Equal("Stop replying. Take screenshots. Block them. Tell a safe adult.", message.SourceEnglish);
        Assert.StartsWith("Arrête de répondre.", message.Target, StringComparison.Ordinal);
        Assert.Equal("draft_translation", message.Status);
        Assert.Contains(rows, r => r.Id == "fixture_sextortion_steps" && r.Field == "quiz.choices[2]");
        Assert.Contains(rows, r => r.Id == "fixture_menu_welcome" && r.Field == "title" && r.Target == "Bienvenue");
    }

    [Fact]
    public void Export_file_is_utf8_with_a_byte_order_mark_crlf_records_and_quotes_only_where_needed()
    {
        TranslationExporter.ExportToFile(_seeds.Path, "fr", CsvPath);

        var bytes = File.ReadAllBytes(CsvPath);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(string.Join(",", TranslationRow.Header) + "\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nfr,fixture_menu_welcome,-,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"fr\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unchanged_export_imports_without_changes()
    {
        TranslationExporter.ExportToFile(_seeds.Path, "fr", CsvPath);
        var before = _seeds.Read(Item);

        var result = TranslationImporter.ImportFile(_seeds.Path, CsvPath);

        Assert.True(result.Report.IsValid, result.Report.ToPrintable());
        Assert.Equal(0, result.ChangedTexts);
        Assert.Empty(result.ChangedFiles);
        Assert.Equal(before, _seeds.Read(Item));
    }

    [Fact]
    public void Edited_text_round_trips_into_the_file_and_stays_valid()
    {
        TranslationExporter.ExportToFile(_seeds.Path, "fr", CsvPath);
        File.WriteAllText(CsvPath, File.ReadAllText(CsvPath).Replace("en tout temps.", "à toute heure.", StringComparison.Ordinal));

        var result = TranslationImporter.ImportFile(_seeds.Path, CsvPath);

        Assert.True(result.Report.IsValid, result.Report.ToPrintable());
        Assert.Equal(1, result.ChangedTexts);
        Assert.Equal(["seeds/" + Item], result.ChangedFiles);
        Assert.StartsWith("# yaml-language-server: $schema=../../schema/content-item.schema.json\n", _seeds.Read(Item), StringComparison.Ordinal);
        var repository = new ContentRepository(new ContentSnapshotHolder(ContentValidator.LoadOrThrow(_seeds.Path, DateTimeOffset.UnixEpoch)));
        var fr = repository.Find("fixture_sextortion_steps", "fr", "13-15")!;
        Assert.EndsWith("à toute heure.", fr.Messages[2], StringComparison.Ordinal);
        Assert.True(fr.IsMachineOrUnreviewedTranslation);
    }

    [Fact]
    public void New_locale_is_created_as_a_draft_translation()
    {
        var rows = TranslationExporter.Rows(_seeds.Path, "es").Where(r => r.Id == "fixture_sextortion_steps" && (r.Variant == "1" || r.Field == "title")).ToList();
        string[] spanish = ["Si alguien amenaza con compartir tus fotos", "Si alguien en línea te asusta o te pide fotos, para y díselo a un adulto de confianza.", "Nunca es tu culpa. No estás en problemas."];
        var filled = rows.Select((r, i) => r with { Target = spanish[i] }).ToList();
        var csv = string.Join("\r\n", new[] { TranslationRow.Header }.Concat(filled.Select(r => r.ToCells())).Select(c => string.Join(",", c.Select(Quote))));

        var result = TranslationImporter.Import(_seeds.Path, csv, "es.csv");

        Assert.True(result.Report.IsValid, result.Report.ToPrintable());
        var repository = new ContentRepository(new ContentSnapshotHolder(ContentValidator.LoadOrThrow(_seeds.Path, DateTimeOffset.UnixEpoch)));
        var es = repository.Find("fixture_sextortion_steps", "es", "9-12")!;
        Assert.Equal("es", es.Locale);
        Assert.Equal(spanish[1..], es.Messages);
        Assert.True(es.IsMachineOrUnreviewedTranslation);
        Assert.Contains("translation: draft_translation", _seeds.Read(Item), StringComparison.Ordinal);
    }

    [Fact]
    public void Row_status_machine_translation_is_kept()
    {
        var row = TranslationExporter.Rows(_seeds.Path, "fr").Single(r => r.Id == "fixture_sextortion_steps" && r.Variant == "1" && r.Field == "messages[1]");

        var result = TranslationImporter.Import(_seeds.Path, Csv(row with { Target = "Ce n'est jamais ta faute.", Status = "machine_translation" }), "fr.csv");

        Assert.True(result.Report.IsValid, result.Report.ToPrintable());
        Assert.Contains("translation: machine_translation", _seeds.Read(Item), StringComparison.Ordinal);
    }

    [Fact]
    public void Dropped_placeholder_is_rejected_and_nothing_is_written()
    {
        var before = _seeds.Read(Item);
        var row = TranslationExporter.Rows(_seeds.Path, "fr").Single(r => r.Id == "fixture_sextortion_steps" && r.Variant == "0" && r.Field == "messages[2]");

        var result = TranslationImporter.Import(_seeds.Path, Csv(row with { Target = "Tu peux appeler la ligne en tout temps." }), "fr.csv");

        var error = Assert.Single(result.Report.Errors);
        Assert.Equal("fr.csv", error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("placeholders must be kept exactly: expected [{service:ca_human_trafficking_hotline}]", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _seeds.Read(Item));
    }

    [Theory]
    [InlineData("no_such_item", "0", "messages[0]", "unknown id 'no_such_item'")]
    [InlineData("fixture_sextortion_steps", "9", "messages[0]", "unknown key: variant '9'")]
    [InlineData("fixture_sextortion_steps", "0", "messages[7]", "field 'messages[7]'")]
    public void Unknown_keys_are_rejected(string id, string variant, string field, string expected)
    {
        var row = new TranslationRow("fr", id, variant, string.Empty, field, string.Empty, "Texte", "draft_translation");

        var result = TranslationImporter.Import(_seeds.Path, Csv(row), "fr.csv");

        Assert.Contains(result.Report.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Empty(result.ChangedFiles);
    }

    [Fact]
    public void Incomplete_new_locale_is_rejected()
    {
        var row = TranslationExporter.Rows(_seeds.Path, "tl").First(r => r.Id == "fixture_sextortion_steps" && r.Variant == "1" && r.Field == "messages[0]");

        var result = TranslationImporter.Import(_seeds.Path, Csv(row with { Target = "Sabihin sa isang adult." }), "tl.csv");

        Assert.Contains(result.Report.Errors, e => e.Message.Contains("would have 1 message(s) in tl but 2 in en", StringComparison.Ordinal));
        Assert.DoesNotContain("tl:", _seeds.Read(Item), StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_counts_present_and_expected_per_locale_and_topic()
    {
        var lines = TranslationCoverage.Compute(_seeds.Path);

        var spanishWorker = Assert.Single(lines, l => l.Locale == "es" && l.Topic == "worker_rights");
        Assert.Equal((1, 1, 1), (spanishWorker.Expected, spanishWorker.Present, spanishWorker.Machine));
        var frenchSextortion = Assert.Single(lines, l => l.Locale == "fr" && l.Topic == "sextortion");
        Assert.Equal((2, 2, 2), (frenchSextortion.Expected, frenchSextortion.Present, frenchSextortion.Draft));
        Assert.Contains("es      worker_rights", TranslationCoverage.Report(_seeds.Path), StringComparison.Ordinal);
    }

    private static string Csv(TranslationRow row) =>
        string.Join(",", TranslationRow.Header) + "\r\n" + string.Join(",", row.ToCells().Select(Quote)) + "\r\n";

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
