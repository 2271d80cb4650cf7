namespace AwarenessBot.Analysis.Model;

/// <summary>
/// How a message becomes features; written in the model file, so the model always meets the features it was trained
/// on. Character n-grams of <see cref="MinCharN"/>–<see cref="MaxCharN"/> over each word wrapped in boundary marks
/// (<c>&lt;word&gt;</c>), word n-grams of 1–<see cref="MaxWordN"/>, optionally the rules' concept classes, hashed into
/// 2^<see cref="BucketBits"/> buckets.
/// </summary>
public sealed record TriageFeatureSettings
{
    public const int MaxBucketBits = 24;

    /// <summary>
    /// 2^19 since stop 33: with 2^18 the growing corpus (about 40,000 lines and their augmented copies) shared buckets
    /// enough to cost self-harm recall; on blind splits never trained on, 2^19 and 2^20 gained about +0.005 to +0.009
    /// self-harm recall at the same false-alarm rate (seeds/models/README.md), and 2^19 keeps the file smaller.
    /// </summary>
    public int BucketBits { get; init; } = 19;

    public int MinCharN { get; init; } = 2;

    public int MaxCharN { get; init; } = 5;

    public int MaxWordN { get; init; } = 2;

    /// <summary>
    /// The concept classes the rules found in the message (<see cref="TriageFeaturizer.ConceptMark"/> words) and each
    /// pair of them are features too: a lexicon word the training lines never used still counts as its class
    /// ("sextortion" words, means, places), and a pair (IMAGE with MONEY) is a frame the model can weigh softly.
    /// </summary>
    public bool Concepts { get; init; }

    public static TriageFeatureSettings Default { get; } = new();

    public int Buckets => 1 << BucketBits;

    /// <summary>Throws when the values cannot describe a featurizer (a corrupt or foreign model file).</summary>
    public void Validate()
    {
        if (BucketBits is < 8 or > MaxBucketBits || MinCharN < 1 || MaxCharN < MinCharN || MaxCharN > 8 || MaxWordN is < 1 or > 2)
        {
            throw new InvalidDataException($"Unsupported feature settings: {this}");
        }
    }
}
