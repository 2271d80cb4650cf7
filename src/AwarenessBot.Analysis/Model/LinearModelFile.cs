using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace AwarenessBot.Analysis.Model;

/// <summary>What a linear model file holds, whatever its classes mean (<see cref="LinearModelFile"/>).</summary>
/// <param name="Scoring">How the heads' log-odds become probabilities (<see cref="LinearModelFile.ScoringRiskAgainstNone"/>, <see cref="LinearModelFile.ScoringSoftmax"/>).</param>
/// <param name="Thresholds">Per class, two probabilities whose meaning belongs to the model type.</param>
/// <param name="Weights">Row-major: bucket b's weights are [b × classes, (b + 1) × classes).</param>
internal sealed record LinearModelData(
    byte Scoring,
    TriageFeatureSettings Settings,
    IReadOnlyList<string> ClassNames,
    float[] Biases,
    TriageThresholds[] Thresholds,
    string Description,
    float[] Weights);

/// <summary>
/// The binary file of every linear model over hashed n-grams (little-endian), version 2 (version 1, still read, has no
/// feature flags byte):
/// <code>
/// "ABTM"  u16 version  u8 hash (1 = FNV-1a 32, kind byte + UTF-16LE, high bits folded)  u8 weighting (1 = presence, L2)
/// u8 scoring (1 = none: σ(z_none); each risk class: σ(z_class − z_none). 2 = softmax over the classes)
/// u8 bucket bits  u8 min char n  u8 max char n  u8 max word n  u8 feature flags (1 = concept classes)  u8 class count
/// per class: u8 name length, UTF-8 name, f32 bias, f32 high threshold, f32 check-in threshold
/// u16 description length, UTF-8 description
/// u32 non-zero bucket count; per bucket: varint gap from the previous bucket, then one f16 weight per class
/// u32 FNV-1a of every byte before it
/// </code>
/// Only buckets some training feature reached are stored, so the file is a fraction of the dense 2^bits × classes halves.
/// The model types check the scoring scheme and class names they expect (<see cref="TriageModelFile"/>).
/// </summary>
internal static class LinearModelFile
{
    public const ushort Version = 2;
    private const ushort FirstVersion = 1;
    private const byte ConceptFeatures = 1;
    private const byte HashFnv1a32 = 1;
    private const byte WeightingPresenceL2 = 1;
    public const byte ScoringRiskAgainstNone = 1;
    public const byte ScoringSoftmax = 2;
    private static readonly byte[] Magic = "ABTM"u8.ToArray();

    public static void Write(LinearModelData model, string path)
    {
        var bytes = ToBytes(model);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <param name="trainCommand">The command that writes this file, for the error when it is missing.</param>
    public static LinearModelData Read(string path, string trainCommand)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException exception)
        {
            throw new InvalidDataException($"{path}: model not found (train it with '{trainCommand}')", exception);
        }

        return FromBytes(bytes, path);
    }

    public static byte[] ToBytes(LinearModelData model)
    {
        var settings = model.Settings;
        using var stream = new MemoryStream(1 << 20);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(HashFnv1a32);
            writer.Write(WeightingPresenceL2);
            writer.Write(model.Scoring);
            writer.Write((byte)settings.BucketBits);
            writer.Write((byte)settings.MinCharN);
            writer.Write((byte)settings.MaxCharN);
            writer.Write((byte)settings.MaxWordN);
            writer.Write(settings.Concepts ? ConceptFeatures : (byte)0);
            var classes = model.ClassNames.Count;
            writer.Write((byte)classes);
            for (var c = 0; c < classes; c++)
            {
                var name = Encoding.UTF8.GetBytes(model.ClassNames[c]);
                writer.Write((byte)name.Length);
                writer.Write(name);
                var thresholds = model.Thresholds[c];
                writer.Write(model.Biases[c]);
                writer.Write(thresholds.High);
                writer.Write(thresholds.CheckIn);
            }

            var description = Encoding.UTF8.GetBytes(model.Description);
            writer.Write((ushort)Math.Min(description.Length, ushort.MaxValue));
            writer.Write(description, 0, Math.Min(description.Length, ushort.MaxValue));

            var weights = model.Weights;
            var rows = new List<int>();
            for (var bucket = 0; bucket < settings.Buckets; bucket++)
            {
                var row = weights.AsSpan(bucket * classes, classes);
                foreach (var w in row)
                {
                    if ((Half)w != Half.Zero)
                    {
                        rows.Add(bucket);
                        break;
                    }
                }
            }

            writer.Write(rows.Count);
            var previous = 0;
            foreach (var bucket in rows)
            {
                writer.Write7BitEncodedInt(bucket - previous);
                previous = bucket;
                foreach (var w in weights.AsSpan(bucket * classes, classes))
                {
                    writer.Write((Half)w);
                }
            }
        }

        var checksum = Checksum(stream.GetBuffer().AsSpan(0, (int)stream.Length));
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(tail, checksum);
        stream.Write(tail);
        return stream.ToArray();
    }

    public static LinearModelData FromBytes(byte[] bytes, string source)
    {
        var reader = new SpanReader(bytes, source);
        if (bytes.Length < 8 || !bytes.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw reader.Error("not a model file (bad magic)");
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        if (stored != Checksum(bytes.AsSpan(0, bytes.Length - 4)))
        {
            throw reader.Error("checksum mismatch (the file is truncated or corrupt)");
        }

        reader.Skip(4);
        var version = reader.UInt16();
        if (version is not (FirstVersion or Version))
        {
            throw reader.Error($"version {version} is not supported (this build reads {FirstVersion} and {Version})");
        }

        if (reader.Byte() != HashFnv1a32 || reader.Byte() != WeightingPresenceL2)
        {
            throw reader.Error("unknown hash or weighting scheme");
        }

        var scoring = reader.Byte();
        if (scoring is not (ScoringRiskAgainstNone or ScoringSoftmax))
        {
            throw reader.Error($"unknown scoring scheme {scoring}");
        }

        var settings = new TriageFeatureSettings
        {
            BucketBits = reader.Byte(),
            MinCharN = reader.Byte(),
            MaxCharN = reader.Byte(),
            MaxWordN = reader.Byte(),
        };
        var flags = version == FirstVersion ? (byte)0 : reader.Byte();
        if ((flags & ~ConceptFeatures) != 0)
        {
            throw reader.Error($"unknown feature flags {flags}");
        }

        settings = settings with { Concepts = (flags & ConceptFeatures) != 0 };
        try
        {
            settings.Validate();
        }
        catch (InvalidDataException exception)
        {
            throw reader.Error(exception.Message);
        }

        var classCount = reader.Byte();
        if (classCount < 2)
        {
            throw reader.Error($"{classCount} classes: a classifier needs two or more");
        }

        var names = new string[classCount];
        var biases = new float[classCount];
        var thresholds = new TriageThresholds[classCount];
        for (var c = 0; c < classCount; c++)
        {
            names[c] = reader.Utf8(reader.Byte());
            biases[c] = reader.Single();
            thresholds[c] = new TriageThresholds(reader.Single(), reader.Single());
        }

        var description = reader.Utf8(reader.UInt16());
        var weights = new float[settings.Buckets * classCount];
        ReadWeights(ref reader, weights, settings.Buckets, classCount);
        if (reader.Position != bytes.Length - 4)
        {
            throw reader.Error("unexpected bytes after the weights");
        }

        return new LinearModelData(scoring, settings, names, biases, thresholds, description, weights);
    }

    // Start-up path: optimised at first call instead of running the loops in tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadWeights(ref SpanReader reader, float[] weights, int buckets, int classes)
    {
        var rows = reader.Int32();
        var bucket = 0;
        for (var i = 0; i < rows; i++)
        {
            bucket += reader.VarInt();
            if ((uint)bucket >= (uint)buckets)
            {
                throw reader.Error($"bucket {bucket} out of range");
            }

            var row = weights.AsSpan(bucket * classes, classes);
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = (float)reader.Half();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        var hash = FeatureHash.OffsetBasis;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * FeatureHash.Prime;
        }

        return hash;
    }

    private ref struct SpanReader(byte[] bytes, string source)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; }

        public void Skip(int count) => Take(count);

        public byte Byte() => Take(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        public Half Half() => BinaryPrimitives.ReadHalfLittleEndian(Take(2));

        public string Utf8(int length) => Encoding.UTF8.GetString(Take(length));

        public int VarInt()
        {
            var value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }

            throw Error("bad varint");
        }

        public readonly InvalidDataException Error(string message) => new($"{source}: {message}");

        private ReadOnlySpan<byte> Take(int count)
        {
            // The checksum's 4 bytes are not content.
            if (count < 0 || Position + count > _bytes.Length - 4)
            {
                throw Error("truncated");
            }

            var span = _bytes.Slice(Position, count);
            Position += count;
            return span;
        }
    }
}
