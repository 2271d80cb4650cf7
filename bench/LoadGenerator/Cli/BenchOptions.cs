using System.Globalization;

namespace LoadGenerator.Cli;

internal enum BenchMode { Compare, Single, Soak, StateSize, DirectLine }

/// <summary>Command-line options; every run is bounded by a duration and, optionally, a turn count.</summary>
internal sealed class BenchOptions
{
    public BenchMode Mode { get; private set; } = BenchMode.Compare;
    public IReadOnlyList<int> Concurrency { get; private set; } = [8, 32, 128];
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(20);
    /// <summary>
    /// Load on each host before it is measured, the same for every host. 20 s because the product has far more code
    /// to tier up than the echo: 20 s after start it was still JIT-compiling, so a few seconds measured its JIT.
    /// </summary>
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(20);
    public TimeSpan SampleEvery { get; private set; } = TimeSpan.FromSeconds(10);
    public int Rounds { get; private set; } = 3;
    /// <summary>Extra start-ups per host in --compare (each host alone, alternating) on top of the measured hosts' own.</summary>
    public int Startups { get; private set; } = 3;
    public int PoolFactor { get; private set; } = 4;
    public long? MaxTurns { get; private set; }
    public string Target { get; private set; } = "product";
    public string ChannelId { get; private set; } = "emulator";
    public string? ProductDll { get; private set; }
    public string? FloorDll { get; private set; }
    /// <summary>Another AwarenessBot build (e.g. the commit before a change) measured in the same rotation: before/after in one run.</summary>
    public string? BaselineDll { get; private set; }
    public string? Output { get; private set; }
    public bool ServerGc { get; private set; }
    public bool FailOnErrors { get; private set; }
    /// <summary>Extra environment for one host (experiments: --product-env Storage__Provider=Memory).</summary>
    public Dictionary<string, string> ProductEnv { get; } = [];
    public Dictionary<string, string> FloorEnv { get; } = [];
    public string DataRoot { get; private set; } = Path.GetTempPath();
    public TimeSpan ThinkTime { get; private set; } = TimeSpan.FromSeconds(1.1);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--compare": options.Mode = BenchMode.Compare; break;
                case "--target": options.Mode = BenchMode.Single; options.Target = Next(); break;
                case "--soak": options.Mode = BenchMode.Soak; options.Duration = Durations.Parse(Next()); break;
                case "--state-size": options.Mode = BenchMode.StateSize; break;
                case "--directline": options.Mode = BenchMode.DirectLine; break;
                case "--concurrency": options.Concurrency = [.. Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]; break;
                case "--duration": options.Duration = Durations.Parse(Next()); break;
                case "--warmup": options.Warmup = Durations.Parse(Next()); break;
                case "--sample": options.SampleEvery = Durations.Parse(Next()); break;
                case "--rounds": options.Rounds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--startups": options.Startups = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--pool-factor": options.PoolFactor = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--turns": options.MaxTurns = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--channel": options.ChannelId = Next(); break;
                case "--product-dll": options.ProductDll = Next(); break;
                case "--floor-dll": options.FloorDll = Next(); break;
                case "--baseline-dll": options.BaselineDll = Next(); break;
                case "--out": options.Output = Next(); break;
                case "--server-gc": options.ServerGc = true; break;
                case "--product-env": AddEnv(options.ProductEnv, Next()); break;
                case "--floor-env": AddEnv(options.FloorEnv, Next()); break;
                case "--data-root": options.DataRoot = Next(); break;
                case "--think": options.ThinkTime = Durations.Parse(Next()); break;
                case "--fail-on-errors": options.FailOnErrors = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. See bench/README.md.");
            }
        }

        if (options.Concurrency.Any(c => c <= 0) || options.Rounds <= 0 || options.PoolFactor <= 0 || options.Startups < 0)
        {
            throw new ArgumentException("Concurrency, rounds and pool factor must be positive; start-ups zero or more.");
        }

        return options;
    }

    private static void AddEnv(Dictionary<string, string> env, string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            throw new ArgumentException($"'{pair}' is not NAME=value.");
        }

        env[pair[..at]] = pair[(at + 1)..];
    }
}
