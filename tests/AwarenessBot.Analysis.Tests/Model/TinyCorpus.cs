using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Model.Training;

namespace AwarenessBot.Analysis.Tests.Model;

/// <summary>A model trained in milliseconds on two obvious classes (small buckets), shared by the model tests.</summary>
internal static class TinyCorpus
{
    public static TriageTrainingOptions Options { get; } = new()
    {
        Epochs = 20,
        LearningRate = 0.3f,
        Features = new TriageFeatureSettings { BucketBits = 12 },
    };

    public static IReadOnlyList<LabelledText> Lines { get; } =
    [
        .. new[]
        {
            "i want to kill myself tonight", "i am going to end my life", "i took all the pills to die", "i want to die",
            "thinking about suicide every day", "i will jump off the bridge tonight", "nobody would care if i died",
            "i have a rope and i want to die", "i cut myself again and want to die", "suicide is the only way out",
        }.Select(t => new LabelledText(t, TriageClass.SelfHarm, "en")),
        .. new[]
        {
            "what time does the library open", "can you tell me about the bus schedule", "i like pizza and football",
            "my cat is sleeping on the couch", "where can i buy a bike", "the weather is nice today",
            "we are going to the park", "how do i bake bread", "my sister plays piano", "what is the capital of canada",
        }.Select(t => new LabelledText(t, TriageClass.None, "en")),
    ];

    public static string Normalize(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static readonly Lazy<TriageModel> Shared = new(() => TriageTrainer.Train(Lines, Normalize, Options));

    public static TriageModel Model => Shared.Value;
}
