namespace AwarenessBot.Tests.Browser;

/// <summary>
/// A test that needs Debian's Chromium at /usr/bin/chromium (Playwright drives it; no browser is downloaded).
/// Skipped on a machine without it, except in CI (env CI=true), where a missing browser must fail the run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(ChromiumPath) && !inCi)
        {
            Skip = $"{ChromiumPath} is not installed (apt-get install chromium); set CI=true to make this a failure.";
        }
    }
}
