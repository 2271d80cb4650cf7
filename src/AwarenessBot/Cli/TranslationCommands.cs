using AwarenessBot.Content.Translation;

namespace AwarenessBot.Cli;

/// <summary>The translators' round trip: export a locale to CSV, import it back with validation, and coverage.</summary>
internal static class TranslationCommands
{
    public static int Export(string[] args, TextWriter output)
    {
        if (args.Length != 2)
        {
            output.WriteLine("usage: export-translations <locale> <file.csv>");
            return 2;
        }

        var rows = TranslationExporter.ExportToFile(CliPaths.Resolve().Seeds, args[0], args[1]);
        output.WriteLine($"wrote {rows} rows for '{args[0]}' to {args[1]}");
        return 0;
    }

    public static int Import(string[] args, TextWriter output)
    {
        if (args.Length != 1)
        {
            output.WriteLine("usage: import-translations <file.csv>");
            return 2;
        }

        var result = TranslationImporter.ImportFile(CliPaths.Resolve().Seeds, args[0]);
        output.WriteLine(result.Report.ToPrintable());
        output.WriteLine($"changed {result.ChangedTexts} text(s) in {result.ChangedFiles.Count} file(s)");
        return result.Report.IsValid ? 0 : 1;
    }

    public static int Coverage(string[] args, TextWriter output)
    {
        output.Write(TranslationCoverage.Report(CliPaths.Resolve().Seeds));
        return 0;
    }
}
