using AwarenessBot.Analysis.Tests.Support;
using Xunit.Abstractions;

namespace AwarenessBot.Analysis.Tests;

public sealed class TmpDebugTests(ITestOutputHelper output)
{
    [Fact]
    public void Debug()
    {
        foreach (var text in File.ReadAllLines("/tmp/debug.txt"))
        {
            var a = Seeds.Analyzer.Analyze(text);
            output.WriteLine($"{text} => {string.Join(", ", a.Signals.Select(s => s.RuleId + "[" + text.Substring(s.Start, s.Length) + "]"))}");
        }
    }
}
