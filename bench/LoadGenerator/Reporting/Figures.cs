using System.Globalization;

namespace LoadGenerator.Reporting;

internal static class Figures
{
    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static string Rate(double value) => double.IsNaN(value) ? "–" : value.ToString("0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => double.IsNaN(value) || double.IsInfinity(value) ? "–" : value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string MiB(long kb) => (kb / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
