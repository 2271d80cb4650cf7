namespace AwarenessBot.Content.DependencyInjection;

/// <summary>Configuration of the content library (section "Content").</summary>
public sealed class ContentOptions
{
    /// <summary>The seeds folder (holding content/, services/, schema/, lexicons/). Required.</summary>
    public string SeedsPath { get; set; } = string.Empty;

    /// <summary>Watch seeds/ and swap in valid edits without a restart. Default false (turn on in Development).</summary>
    public bool HotReload { get; set; }

    /// <summary>How long edits must settle before a reload. Default 500 ms.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(500);
}
