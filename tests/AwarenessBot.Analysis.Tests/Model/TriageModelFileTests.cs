using AwarenessBot.Analysis.Model;
using AwarenessBot.Analysis.Model.Training;

namespace AwarenessBot.Analysis.Tests.Model;

public sealed class TriageModelFileTests
{
    private static readonly TriageThresholds[] Thresholds = [TriageThresholds.Never, new(0.9f, 0.4f), new(0.8f, 0.3f), new(0.95f, 0.5f), new(0.7f, 0.2f)];

    [Fact]
    public void Round_trip_keeps_settings_thresholds_weights_and_predictions()
    {
        var model = TinyCorpus.Model.WithThresholds(Thresholds);

        var loaded = TriageModelFile.FromBytes(TriageModelFile.ToBytes(model), "memory");

        Assert.Equal(model.Settings, loaded.Settings);
        Assert.Equal(model.Description, loaded.Description);
        Assert.All(Enumerable.Range(0, TriageClasses.Count), c => Assert.Equal(Thresholds[c], loaded.Thresholds((TriageClass)c)));
        Assert.True(model.Weights.SequenceEqual(loaded.Weights), "trained weights are already half precision");
        Assert.True(model.Biases.SequenceEqual(loaded.Biases));
        foreach (var line in TinyCorpus.Lines)
        {
            var text = TinyCorpus.Normalize(line.Text);
            Assert.Equal(model.Predict(text).Probabilities, loaded.Predict(text).Probabilities);
        }
    }

    [Fact]
    public void Save_and_load_through_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"triage-{Guid.NewGuid():N}.model");
        try
        {
            TinyCorpus.Model.Save(path);

            var loaded = TriageModel.Load(path);

            Assert.Equal(TinyCorpus.Model.Predict("i want to die").Probabilities, loaded.Predict("i want to die").Probabilities);
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Header_starts_with_magic_and_version()
    {
        var bytes = TriageModelFile.ToBytes(TinyCorpus.Model);

        Assert.Equal("ABTM"u8.ToArray(), bytes[..4]);
        Assert.Equal(TriageModelFile.Version, BitConverter.ToUInt16(bytes, 4));
    }

    [Fact]
    public void Corrupt_truncated_or_foreign_files_are_refused()
    {
        var bytes = TriageModelFile.ToBytes(TinyCorpus.Model);
        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;

        Assert.Throws<InvalidDataException>(() => TriageModelFile.FromBytes(flipped, "flipped"));
        Assert.Throws<InvalidDataException>(() => TriageModelFile.FromBytes(bytes[..(bytes.Length - 10)], "truncated"));
        Assert.Throws<InvalidDataException>(() => TriageModelFile.FromBytes("not a model at all"u8.ToArray(), "text"));
        Assert.Throws<InvalidDataException>(() => TriageModel.Load(Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N"))));
    }

    [Fact]
    public void Concept_features_survive_a_round_trip_and_change_what_the_model_reads()
    {
        // A concept word in training ("§DIE" on every self-harm line) must be part of the model's input once saved.
        static string WithConcept(string text) => text.Contains("die", StringComparison.Ordinal) ? TinyCorpus.Normalize(text) + " §DIE" : TinyCorpus.Normalize(text);
        var options = TinyCorpus.Options with { Features = TinyCorpus.Options.Features with { Concepts = true } };
        var model = TriageTrainer.Train(TinyCorpus.Lines, WithConcept, options);

        var loaded = TriageModelFile.FromBytes(TriageModelFile.ToBytes(model), "memory");

        Assert.True(loaded.Settings.Concepts);
        Assert.NotEqual(loaded.Predict("nobody would care").Probabilities, loaded.Predict("nobody would care §DIE").Probabilities);
    }

    [Fact]
    public void A_version_1_file_without_feature_flags_still_reads_as_a_model_without_concepts()
    {
        var bytes = TriageModelFile.ToBytes(TinyCorpus.Model).ToList();
        // Version 2 added one byte (feature flags) after the four feature-setting bytes at offset 9.
        bytes.RemoveAt(13);
        bytes[4] = 1;
        bytes.RemoveRange(bytes.Count - 4, 4);
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        bytes.AddRange(BitConverter.GetBytes(hash));

        var loaded = TriageModelFile.FromBytes([.. bytes], "version 1");

        Assert.False(loaded.Settings.Concepts);
        Assert.Equal(TinyCorpus.Model.Predict("i want to die").Probabilities, loaded.Predict("i want to die").Probabilities);
    }
}
