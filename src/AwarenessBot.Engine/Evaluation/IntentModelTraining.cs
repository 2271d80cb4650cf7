using System.Globalization;
using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Model.Training;
using AwarenessBot.Engine.Language;
using AwarenessBot.Engine.Understanding;

namespace AwarenessBot.Engine.Evaluation;

/// <summary>What a training run wrote and measured (development figures: the threshold is chosen on them).</summary>
public sealed record IntentTrainingReport(string ModelPath, int TrainLines, int PhraseLines, int Classes, float Threshold, IReadOnlyList<string> Lines);

/// <summary>
/// <c>train-intents</c>: trains the intent model on the navigation corpus (<c>seeds/corpus/intents/train.jsonl</c>)
/// plus every phrase of <c>seeds/intents</c>, through the same words the engine reads (the shared normaliser), then
/// picks the acceptance threshold that gives the best intent accuracy of phrases and model together on
/// <c>dev.jsonl</c>, and writes <c>seeds/models/intents.model</c>. The frozen test split is never read here.
/// </summary>
public static class IntentModelTraining
{
    public const string CorpusDirectory = "corpus/intents";

    /// <summary>
    /// 2^16 buckets: about 45 classes × 65,536 weights (11 MB in memory) instead of the triage model's 2^19 for five
    /// classes; the navigation corpus is a few thousand short lines, so collisions cost little.
    /// </summary>
    public static TriageTrainingOptions Options { get; } = new() { Features = new TriageFeatureSettings { BucketBits = 16 } };

    /// <summary>
    /// Thresholds tried, from 0.2 up. Text that is no request at all ("asdf", the weather, a joke) is the corpus's
    /// out_of_scope class, so the development split now says how low the threshold may go (on 721 dev lines 0.15 was
    /// five lines better than 0.2, within noise); below 0.2 the model's best guess among 48 classes is close to a
    /// shrug, so 0.2 is the floor.
    /// </summary>
    private static readonly float[] Candidates = [.. Enumerable.Range(4, 16).Select(i => i * 0.05f)];

    public static IntentTrainingReport Train(string dialogsDirectory, string seedsDirectory)
    {
        var words = MessageWords.Load(seedsDirectory);
        var catalog = IntentCatalog.Load(Path.Combine(seedsDirectory, "intents"), words);
        var corpus = Path.Combine(seedsDirectory, CorpusDirectory);
        var train = IntentEvaluation.Read(Path.Combine(corpus, "train.jsonl"));
        var dev = IntentEvaluation.Read(Path.Combine(corpus, "dev.jsonl"));
        // Crisis follow-ups are answers inside a crisis flow only (see IntentEvaluation.Label): not navigation classes.
        var phrases = catalog.Phrases
            .Where(p => IntentEvaluation.Label(p.Intent) is not null)
            .Select(p => new NamedText(p.Text, p.Intent))
            .ToList();
        var lines = train.Select(r => new NamedText(r.Text, r.Intent)).Concat(phrases).ToList();
        var model = TextClassifierTrainer.Train(lines, text => string.Join(' ', words.Tokens(text)), Options);

        var report = new List<string>();
        var best = (Threshold: 1f, Correct: Correct(IntentEvaluation.Run(dialogsDirectory, seedsDirectory, catalog, null, dev, false)));
        report.Add(string.Create(CultureInfo.InvariantCulture, $"dev intent accuracy, phrases alone: {best.Correct}/{dev.Count}"));
        foreach (var threshold in Candidates)
        {
            var candidate = model.WithAcceptThreshold(threshold, model.Description);
            var correct = Correct(IntentEvaluation.Run(dialogsDirectory, seedsDirectory, catalog, new IntentModelOpinion(candidate, catalog.Intents), dev, false));
            report.Add(string.Create(CultureInfo.InvariantCulture, $"  threshold {threshold:0.00}: {correct}/{dev.Count}"));
            // Ties go to the higher threshold: fewer answers from the model for the same accuracy.
            if (correct >= best.Correct) best = (threshold, correct);
        }

        var shipped = model.WithAcceptThreshold(best.Threshold, string.Create(
            CultureInfo.InvariantCulture, $"{model.Description}; threshold {best.Threshold:0.00} chosen on {dev.Count} dev lines"));
        var path = Path.Combine(seedsDirectory, IntentModelOpinion.RelativePath);
        shipped.Save(path);
        report.Add(string.Create(CultureInfo.InvariantCulture, $"chosen threshold {best.Threshold:0.00}: {best.Correct}/{dev.Count} on dev (tuned there, so optimistic)"));
        return new IntentTrainingReport(path, train.Count, phrases.Count, model.ClassNames.Count, best.Threshold, report);
    }

    private static int Correct(IntentEvaluationReport report) => report.Languages.Sum(l => l.IntentCorrect);
}
