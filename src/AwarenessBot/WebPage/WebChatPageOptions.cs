namespace AwarenessBot.WebPage;

/// <summary>The chat page (configuration section <c>WebChatPage</c>).</summary>
internal sealed class WebChatPageOptions
{
    public const string SectionName = "WebChatPage";

    /// <summary>Minutes without activity after which the page clears the chat from the screen (shared devices).</summary>
    public int IdleMinutes { get; set; } = 5;

    /// <summary>
    /// Where "Quick exit" (and Esc) sends the visitor: a neutral outside site, replacing the chat in the tab's history.
    /// Leaving to an outside site is the point of a quick exit.
    /// </summary>
    public Uri QuickExitUrl { get; set; } = new("https://weather.gc.ca/");

    /// <summary>
    /// Origins (<c>https://school.example</c>: scheme, host and port only) whose pages may show <c>/embed</c> in a
    /// frame. Empty (the default): no other site may frame the chat.
    /// </summary>
    public IList<string> EmbedOrigins { get; } = [];
}
