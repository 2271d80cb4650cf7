using System.Diagnostics;
using System.Globalization;
using System.Text;
using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Model.Training;

namespace AwarenessBot.Cli;

/// <summary>
/// The triage model's author tools. <c>train-triage</c> trains on <c>seeds/corpus/triage/train.jsonl</c>, calibrates
/// thresholds on <c>dev.jsonl</c>, writes <c>seeds/models/triage.model</c> and prints the development figures.
/// <c>explain-triage "text"</c> prints the class scores and the n-grams behind them (on this console only, never a log).
/// </summary>
internal static class TriageModelCommands
{
    public static int Train(string[] args, TextWriter output)
    {
        TriageTrainingOptions options;
        CalibrationTargets targets;
        try
        {
            (options, targets) = (TrainingOptions(args), CalibrationTargets(args));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            output.WriteLine($"train-triage: {e.Message}");
            output.WriteLine("usage: train-triage [--seeds <dir>] [--set epochs=12,l2=0.001,concepts=1,…] [--calibrate recall=0.95,false-alarms=0.05,precision=0.95,min-check-in=0.4,resamples=31]");
            return 2;
        }

        var seeds = Seeds(args);
        var corpus = Path.Combine(seeds, TriageCorpus.RelativeDirectory);
        var train = TriageCorpus.Read(Path.Combine(corpus, TriageCorpus.TrainFile));
        // Calibrated as part of the detector: the frames' answers on each dev line come with it.
        var frames = AwarenessBot.Analysis.Local.LocalTextAnalyzer.FromSeeds(seeds);
        var devLines = TriageCorpus.Read(Path.Combine(corpus, TriageCorpus.DevFile));
        output.WriteLine($"train-triage: {train.Count} train lines, {devLines.Count} dev lines ({corpus})");

        var clock = Stopwatch.StartNew();
        var model = TriageTrainer.Train(train, frames.ModelText, options);
        var trained = clock.Elapsed;
        // The new model vetoes frames as the detector will let it (seeds/triage/frames.yaml, model_veto_below).
        var dev = devLines.Select(l => frames.FramesContext(l.Text, l.Label, l.Language, model)).ToList();
        model = model.WithThresholds(ThresholdCalibrator.Calibrate(model, dev, targets));
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
        var model = TriageModel.FromSeeds(seeds);
        var analyzer = AwarenessBot.Analysis.Local.LocalTextAnalyzer.FromSeeds(seeds);
        var normalized = analyzer.ModelText(text);
        var prediction = model.Predict(normalized);
        output.WriteLine($"normalised: {normalized}");
        output.WriteLine("concepts and frames:");
        foreach (var line in analyzer.ExplainFrames(text))
        {
            output.WriteLine(line);
        }

        // What the product answers: frames, gates, the model's veto and its opinion together (the lines below are the model alone).
        var analysis = analyzer.Analyze(text);
        var answered = analysis.Strongest;
        output.WriteLine("detector scores: " + string.Join(" ", analysis.RiskScores.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture))));
        output.WriteLine(answered is null
            ? "detector answers: nothing"
            : $"detector answers: {answered.Category.ToWireName()} ({answered.Severity.ToWireName()}) by {answered.RuleId}");

        output.WriteLine("model:");
        for (var c = 0; c < TriageClasses.Count; c++)
        {
            var value = (TriageClass)c;
            var t = model.Thresholds(value);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {TriageClasses.Name(value),-27} {prediction.Probability(value):0.0000}  (high {t.High:0.000}, check_in {t.CheckIn:0.000}) {(value == TriageClass.None ? string.Empty : prediction.SeverityOf(value).ToString())}"));
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
    /// The shipped defaults, or an author's experiment: <c>--set epochs=20,l2=0.0001,lr=0.1,weight-power=0.5,typos=2,
    /// char-max=5,word-n=2,bits=18</c>. Whatever ships must be trained with the defaults, which say what trained it.
    /// </summary>
    private static TriageTrainingOptions TrainingOptions(string[] args)
    {
        var options = new TriageTrainingOptions();
        if (Option(args, "--set") is not { } set) return options;
        foreach (var (name, value) in NameValues(set, "--set"))
        {
            float F() => float.Parse(value, CultureInfo.InvariantCulture);
            int I() => int.Parse(value, CultureInfo.InvariantCulture);
            options = name switch
            {
                "epochs" => options with { Epochs = I() },
                "lr" => options with { LearningRate = F() },
                "l2" => options with { L2 = F() },
                "weight-power" => options with { ClassWeightPower = F() },
                "typos" => options with { TypoCopies = I() },
                "char-min" => options with { Features = options.Features with { MinCharN = I() } },
                "char-max" => options with { Features = options.Features with { MaxCharN = I() } },
                "word-n" => options with { Features = options.Features with { MaxWordN = I() } },
                "bits" => options with { Features = options.Features with { BucketBits = I() } },
                "concepts" => options with { Features = options.Features with { Concepts = I() != 0 } },
                _ => throw new ArgumentException($"Unknown training option '{name}'."),
            };
        }

        return options;
    }

    /// <summary>The shipped targets, or an experiment's: <c>--calibrate recall=0.97,false-alarms=0.05,precision=0.95</c>.</summary>
    private static CalibrationTargets CalibrationTargets(string[] args)
    {
        var targets = new CalibrationTargets();
        if (Option(args, "--calibrate") is not { } set) return targets;
        foreach (var (name, text) in NameValues(set, "--calibrate"))
        {
            var value = float.Parse(text, CultureInfo.InvariantCulture);
            targets = name switch
            {
                "recall" => targets with { CheckInRecall = value },
                "false-alarms" => targets with { MaxNoneFalseAlarm = value },
                "precision" => targets with { HighPrecision = value },
                "min-check-in" => targets with { MinCheckIn = value },
                "resamples" => targets with { Resamples = (int)value },
                _ => throw new ArgumentException($"Unknown calibration target '{name}'."),
            };
        }

        return targets;
    }

    /// <summary>"a=1,b=2" as (name, value) pairs; anything else is an error naming the option.</summary>
    private static IEnumerable<(string Name, string Value)> NameValues(string list, string option) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2) is [var n, var v] ? (n, v) : throw new ArgumentException($"{option} wants name=value, got '{pair}'."));

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
