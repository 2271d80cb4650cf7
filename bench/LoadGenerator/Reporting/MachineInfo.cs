using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using LoadGenerator.Hosting;

namespace LoadGenerator.Reporting;

/// <summary>The machine and code a figure was measured on: without it a number means nothing.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            : null;
        var memory = memKb is null ? "?" : string.Create(CultureInfo.InvariantCulture, $"{long.Parse(new string([.. memKb.Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GiB");
        return string.Create(CultureInfo.InvariantCulture,
            $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} CPUs ({cpu ?? "?"}) · {memory} RAM · {RuntimeInformation.OSDescription} · .NET {Environment.Version} · load average {LoadAverage()} · commit {GitRevision()}");
    }

    /// <summary>1/5/15-minute load average when the report is written: on a shared machine it says how much to trust the figures.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "?";

    private static string GitRevision()
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", RepoLayout.Root, "describe", "--always", "--dirty"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = Process.Start(start);
            if (git is null)
            {
                return "?";
            }

            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return text.Length > 0 ? text : "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
