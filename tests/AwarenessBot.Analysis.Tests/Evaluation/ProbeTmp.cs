using AwarenessBot.Analysis.Abstractions;
using AwarenessBot.Analysis.Tests.Support;
using Xunit.Abstractions;

namespace AwarenessBot.Analysis.Tests.Evaluation;

public sealed class ProbeTmp(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var file = "/tmp/h2/probe.txt";
        if (!File.Exists(file)) { return; }
        foreach (var line in File.ReadLines(file))
        {
            var r = Seeds.Analyzer.Analyze(line);
            output.WriteLine($"{string.Join(",", r.Signals.Select(s => s.RuleId))} <= {line}");
        }
    }
}
