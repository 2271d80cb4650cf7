using LoadGenerator.Cli;
using LoadGenerator.Modes;

// dotnet run -c Release --project bench/LoadGenerator -- --compare --concurrency 8,32,128 --duration 20s
// Other modes: --target product|floor, --soak 5m, --state-size, --directline. See bench/README.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return options.Mode switch
{
    BenchMode.Compare => await CompareMode.RunAsync(options, cancel.Token),
    BenchMode.Single => await SingleMode.RunAsync(options, cancel.Token),
    BenchMode.Soak => await SoakMode.RunAsync(options, cancel.Token),
    BenchMode.StateSize => await StateSizeMode.RunAsync(options, cancel.Token),
    BenchMode.DirectLine => await DirectLineMode.RunAsync(options, cancel.Token),
    _ => 2,
};
