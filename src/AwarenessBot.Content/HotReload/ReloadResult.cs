namespace AwarenessBot.Content.HotReload;

/// <summary>The outcome of one reload attempt: swapped in, or kept the last good snapshot because of errors.</summary>
public sealed record ReloadResult(bool Swapped, int ErrorCount, IReadOnlyList<string> FilesWithErrors, TimeSpan Duration);
