using System.Text.Json;

namespace AwarenessBot.Tests.Hosting;

/// <summary>The runtime settings the host is built with (its runtimeconfig.json, copied beside the tests).</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void Thread_pool_workers_sleep_when_out_of_work_instead_of_spinning()
    {
        // perf11 (bench/README.md): on two shared cores the default spin cost throughput (1.28x with it off).
        var path = Path.Combine(AppContext.BaseDirectory, "AwarenessBot.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }
}
