using BenchmarkDotNet.Running;
using Micro.Support;

// dotnet run -c Release --project bench/Micro -- --filter '*'          (full runs, out of process)
// dotnet run -c Release --project bench/Micro -- --dry                  (every benchmark once, in process: CI)
// dotnet run -c Release --project bench/Micro -- --filter '*Analysis*'  (one group)
if (args.Contains("--trace-engine"))
{
    Micro.Engine.EngineTrace.Print();
    return 0;
}

var arguments = DryRun.Translate(args);
// typeof(DryRun), not typeof(Program): the host's Program (visible to Micro for ReplyMappingBenchmarks) has that name too.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(DryRun).Assembly).Run(arguments).ToList();

// CI must notice a benchmark that no longer runs (a setup that throws is only a line in BenchmarkDotNet's log).
var failed = summaries.SelectMany(s => s.Reports).Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo).ToList();
var validation = summaries.SelectMany(s => s.ValidationErrors).Where(e => e.IsCritical).ToList();
foreach (var name in failed)
{
    Console.Error.WriteLine($"FAILED: {name}");
}

foreach (var error in validation)
{
    Console.Error.WriteLine($"INVALID: {error.Message}");
}

var ran = summaries.Sum(s => s.Reports.Length);
return failed.Count > 0 || validation.Count > 0 || (args.Contains("--dry") && ran == 0) ? 1 : 0;
