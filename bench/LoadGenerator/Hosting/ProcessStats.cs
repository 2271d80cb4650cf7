using System.Globalization;

namespace LoadGenerator.Hosting;

/// <param name="RssKb">VmRSS: resident set now.</param>
/// <param name="PeakKb">VmHWM: the peak resident set ("peak working set") since the process started.</param>
/// <param name="CpuSeconds">User + system CPU time since the process started.</param>
/// <param name="WrittenBytes">
/// <c>wchar</c> of /proc/&lt;pid&gt;/io: bytes passed to write-family calls on files (SQLite's WAL frames and
/// checkpoints, the log lines); socket sends do not count. -1 when the file cannot be read.
/// </param>
/// <param name="WriteCalls"><c>syscw</c>: the number of those calls (a WAL frame is two: its header and its page).</param>
internal sealed record ProcessSample(long RssKb, long PeakKb, double CpuSeconds, int Threads, long WrittenBytes = -1, long WriteCalls = -1);

/// <summary>Reads another process's memory and CPU figures from /proc (Linux), without touching the process.</summary>
internal static class ProcessStats
{
    /// <summary>USER_HZ: 100 on every mainstream Linux build (x86-64 and arm64).</summary>
    private const double ClockTicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        long rss = 0, hwm = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = (int)Kilobytes(line);
            }
        }

        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var (written, calls) = Writes(pid);
        return new ProcessSample(rss, hwm, ticks / ClockTicksPerSecond, threads, written, calls);
    }

    /// <summary>wchar and syscw from /proc/&lt;pid&gt;/io (readable for our own children), or -1 each.</summary>
    private static (long Bytes, long Calls) Writes(int pid)
    {
        try
        {
            long bytes = -1, calls = -1;
            foreach (var line in File.ReadLines($"/proc/{pid}/io"))
            {
                if (line.StartsWith("wchar:", StringComparison.Ordinal))
                {
                    bytes = Kilobytes(line);
                }
                else if (line.StartsWith("syscw:", StringComparison.Ordinal))
                {
                    calls = Kilobytes(line);
                }
            }

            return (bytes, calls);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (-1, -1);
        }
    }

    private static long Kilobytes(string line)
    {
        var digits = new string([.. line.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? 0 : long.Parse(digits, CultureInfo.InvariantCulture);
    }
}
