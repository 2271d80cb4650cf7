using System.Globalization;
using AwarenessBot.Engine.Evaluation;

namespace AwarenessBot.Cli;

/// <summary>
/// <c>eval-intents &lt;file.jsonl&gt; [--misses]</c>: intent and region accuracy per language on a labelled navigation
/// file (seeds/corpus/intents/train.jsonl, dev.jsonl). Only figures are printed unless --misses is given, so the frozen
/// test split can be measured without showing a single line of it.
/// </summary>
internal static class IntentCommands
{
    /// <summary><c>train-intents</c>: trains seeds/models/intents.model and prints the development figures.</summary>
    public static int Train(TextWriter output)
    {
        var paths = CliPaths.Resolve();
        var report = IntentModelTraining.Train(paths.Dialogs, paths.Seeds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train-intents: {report.TrainLines} corpus lines + {report.PhraseLines} phrases, {report.Classes} classes; wrote {report.ModelPath} ({new FileInfo(report.ModelPath).Length / 1024.0:0} KB)"));
        foreach (var line in report.Lines) output.WriteLine(line);
        return 0;
    }

    public static int Evaluate(string[] args, TextWriter output)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file))
        {
            output.WriteLine("usage: eval-intents <file.jsonl> [--misses]");
            return 2;
        }

        var misses = args.Contains("--misses", StringComparer.Ordinal);
        if (misses && file.EndsWith("test.jsonl", StringComparison.Ordinal))
        {
            output.WriteLine("--misses is not allowed on a frozen test split: figures only.");
            return 2;
        }

        var paths = CliPaths.Resolve();
        var report = IntentEvaluation.Run(paths.Dialogs, paths.Seeds, IntentEvaluation.Read(file), misses);
        foreach (var miss in report.Misses) output.WriteLine(miss);
        output.WriteLine("lang      n  intent  region  region named (recall)");
        foreach (var l in report.Languages)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{l.Lang,-4} {l.Count,5}  {l.IntentAccuracy,6:P1}  {l.RegionAccuracy,6:P1}  {l.RegionNamed,4} ({l.RegionRecall:P1})"));
        }

        return 0;
    }
}
