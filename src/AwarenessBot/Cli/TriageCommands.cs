using System.Diagnostics;
using System.Globalization;
using System.Text;
using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Model.Training;
using AwarenessBot.Analysis.Normalization;

namespace AwarenessBot.Cli;

/// <summary>
/// The triage model's author tools. <c>train-triage</c> trains on <c>seeds/corpus/triage/train.jsonl</c>, calibrates
/// thresholds on <c>dev.jsonl</c>, writes <c>seeds/models/triage.model</c> and prints the development figures.
/// <c>explain-triage "text"</c> prints the class scores and the n-grams behind them (on this console only, never a log).
/// <c>split-corpus --from &lt;dir&gt;</c> rebuilds train/dev from <c>train-*.jsonl</c> files (see the corpus README).
/// </summary>
internal static class TriageCommands
{
    /// <summary>Lines whose split key hashes below this (of 100) go to dev.</summary>
    public const int DevPercent = 15;

    public static int Train(string[] args, TextWriter output)
    {
        var seeds = Seeds(args);
        var normalizer = new MessageNormalizer(NormalizationRulesLoader.Load(seeds));
        var corpus = Path.Combine(seeds, TriageCorpus.RelativeDirectory);
        var train = TriageCorpus.Read(Path.Combine(corpus, TriageCorpus.TrainFile));
        var dev = TriageCorpus.Read(Path.Combine(corpus, TriageCorpus.DevFile))
            .Select(l => new ScoredLine(normalizer.Normalize(l.Text).Joined, l.Label, l.Language))
            .ToList();
        output.WriteLine($"train-triage: {train.Count} train lines, {dev.Count} dev lines ({corpus})");

        var clock = Stopwatch.StartNew();
        var model = TriageTrainer.Train(train, text => normalizer.Normalize(text).Joined);
        var trained = clock.Elapsed;
        model = model.WithThresholds(ThresholdCalibrator.Calibrate(model, dev));
        model = model.WithDescription($"{model.Description}; calibrated on {dev.Count} dev lines");
        var path = Path.Combine(seeds, TriageModel.RelativePath);
        model.Save(path);

        var loadClock = Stopwatch.StartNew();
        var reloaded = TriageModel.Load(path);
        var load = loadClock.Elapsed;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"trained in {trained.TotalSeconds:0.0} s; wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.00} MB, reloaded in {load.TotalMilliseconds:0} ms)"));
        output.WriteLine("thresholds (high / check_in):");
        foreach (var risk in TriageClasses.Risks)
        {
            var t = reloaded.Thresholds(risk);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {TriageClasses.Name(risk),-27} {t.High:0.0000} / {t.CheckIn:0.0000}"));
        }

        output.WriteLine("dev figures (the split the thresholds were calibrated on, so optimistic):");
        output.Write(TriageEvaluation.Evaluate(reloaded, dev).ToText());
        return 0;
    }

    public static int Explain(string[] args, TextWriter output)
    {
        var text = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a));
        if (text is null)
        {
            output.WriteLine("usage: explain-triage \"<text>\" [--seeds <dir>] [--top <n>]");
            return 2;
        }

        var seeds = Seeds(args);
        var top = int.TryParse(Option(args, "--top"), CultureInfo.InvariantCulture, out var n) ? n : 10;
        var normalizer = new MessageNormalizer(NormalizationRulesLoader.Load(seeds));
        var model = TriageModel.FromSeeds(seeds);
        var normalized = normalizer.Normalize(text).Joined;
        var prediction = model.Predict(normalized);
        output.WriteLine($"normalised: {normalized}");
        for (var c = 0; c < TriageClasses.Count; c++)
        {
            var value = (TriageClass)c;
            var t = model.Thresholds(value);
            var tiers = value == TriageClass.None ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"  (high {t.High:0.000}, check_in {t.CheckIn:0.000}) {prediction.SeverityOf(value)}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {TriageClasses.Name(value),-27} {prediction.Probability(value):0.0000}{tiers}"));
        }

        var target = prediction.Class == TriageClass.None ? prediction.MostLikelyRisk : prediction.Class;
        output.WriteLine($"verdict: {TriageClasses.Name(prediction.Class)} ({prediction.Severity}); top n-grams for {TriageClasses.Name(target)}:");
        foreach (var contribution in model.Explain(normalized, target, top))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {contribution.Weight,8:+0.000;-0.000}  {contribution.Kind,-14} {contribution.Text}"));
        }

        return 0;
    }

    /// <summary>
    /// Rebuilds <c>train.jsonl</c> and <c>dev.jsonl</c> from every <c>train-*.jsonl</c> in a folder (files whose name
    /// contains "test" are refused): exact duplicates of a split key are kept once, and a line goes to dev when the
    /// FNV-1a hash of its split key, modulo 100, is below <see cref="DevPercent"/>.
    /// </summary>
    public static int SplitCorpus(string[] args, TextWriter output)
    {
        var from = Option(args, "--from");
        if (from is null || !Directory.Exists(from))
        {
            output.WriteLine("usage: split-corpus --from <dir with train-*.jsonl> [--seeds <dir>]");
            return 2;
        }

        var files = Directory.GetFiles(from, "train-*.jsonl").Order(StringComparer.Ordinal).ToList();
        if (files.Any(f => Path.GetFileName(f).Contains("test", StringComparison.OrdinalIgnoreCase)))
        {
            output.WriteLine("split-corpus: refusing files named *test* (the frozen test split is never trained or tuned on)");
            return 2;
        }

        var keys = new Dictionary<string, TriageClass>(StringComparer.Ordinal);
        var train = new StringBuilder();
        var dev = new StringBuilder();
        int trainCount = 0, devCount = 0, duplicates = 0, conflicts = 0;
        foreach (var file in files)
        {
            var number = 0;
            foreach (var raw in File.ReadLines(file))
            {
                number++;
                if (string.IsNullOrWhiteSpace(raw))
                {
                    continue;
                }

                var line = TriageCorpus.Parse(raw, $"{file}:{number}");
                var key = SplitKey(line.Text);
                if (keys.TryGetValue(key, out var label))
                {
                    duplicates++;
                    conflicts += label == line.Label ? 0 : 1;
                    continue;
                }

                keys[key] = line.Label;
                var toDev = FeatureHash.Hash(0, key) % 100 < DevPercent;
                (toDev ? dev : train).Append(raw.Trim()).Append('\n');
                if (toDev)
                {
                    devCount++;
                }
                else
                {
                    trainCount++;
                }
            }
        }

        var corpus = Path.Combine(Seeds(args), TriageCorpus.RelativeDirectory);
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, TriageCorpus.TrainFile), train.ToString());
        File.WriteAllText(Path.Combine(corpus, TriageCorpus.DevFile), dev.ToString());
        output.WriteLine($"split-corpus: {files.Count} files → {trainCount} train, {devCount} dev; {duplicates} duplicates dropped ({conflicts} with another label)");
        return 0;
    }

    /// <summary>Lower case, accents dropped, letters and digits only, one space between words: retyped copies meet.</summary>
    internal static string SplitKey(string text)
    {
        var folded = TrainingAugmenter.DropAccents(text).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static string Seeds(string[] args) => Option(args, "--seeds") is { } seeds ? Path.GetFullPath(seeds) : CliPaths.Resolve().Seeds;

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static bool IsOptionValue(string[] args, string value)
    {
        var index = Array.IndexOf(args, value);
        return index > 0 && args[index - 1].StartsWith("--", StringComparison.Ordinal);
    }
}
