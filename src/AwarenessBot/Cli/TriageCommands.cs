using AwarenessBot.Analysis.Evaluation;
using AwarenessBot.Analysis.Local;

namespace AwarenessBot.Cli;

/// <summary>
/// <c>eval-triage &lt;file.jsonl&gt; [--misses] [--by-rule]</c>: per-category recall and precision and the false-alarm rate of the
/// local analyzer on a labelled corpus. <c>--misses</c> lists the wrong answers — for train and dev only: looking at
/// the frozen test split's misses spends it (write a fresh one and say so).
/// </summary>
internal static class TriageCommands
{
    public static int Evaluate(string[] args, TextWriter output)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file))
        {
            output.WriteLine("usage: eval-triage <file.jsonl> [--misses] [--by-rule]");
            return 2;
        }

        if ((args.Contains("--misses") || args.Contains("--by-rule")) && Path.GetFileName(file).StartsWith("test", StringComparison.OrdinalIgnoreCase))
        {
            output.WriteLine("refused: the frozen test split's misses and rules are not shown (tuning on them would spend it).");
            return 2;
        }

        var analyzer = LocalTextAnalyzer.FromSeeds(CliPaths.Resolve().Seeds);
        var evaluation = TriageEvaluation.Run(analyzer, TriageEvaluation.Read(file));
        output.Write(evaluation.Report());
        if (args.Contains("--misses"))
        {
            foreach (var (line, answer) in evaluation.Misses)
            {
                output.WriteLine($"{line.Label,-26} → {answer?.Category.ToString() ?? "none",-24} {answer?.RuleId ?? "",-28} [{line.Lang}] {line.Text}");
            }
        }

        if (args.Contains("--by-rule"))
        {
            foreach (var (rule, answered, byLabel) in evaluation.ByRule)
            {
                var labels = string.Join("  ", byLabel.OrderByDescending(l => l.Value).Select(l => $"{l.Key} {l.Value}"));
                output.WriteLine($"{rule,-34} → {answered,-26} {labels}");
            }
        }

        return 0;
    }
}
