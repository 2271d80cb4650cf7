using AwarenessBot.Engine.Abstractions;

namespace AwarenessBot.Engine.Rendering;

/// <summary>
/// Reads the few marks content is written with into typed runs, once, so that no channel ever sees them:
/// <c>**stressed words**</c>, <c>[label](url)</c>, <c>{answer_hint}</c> (how to answer, in channel wording) and
/// <c>{service:&lt;id&gt;}</c> (the caller's runs for the service). Anything else is text as written; an unclosed mark
/// stays text too (the content validator reports it).
/// </summary>
internal static class InlineMarkup
{
    public const string AnswerHint = "{answer_hint}";
    private const string ServiceStart = "{service:";

    /// <summary>False when <see cref="Parse"/> cannot call its service callback for this text (no placeholder start in it).</summary>
    public static bool MayNameAService(string text) => text.Contains(ServiceStart, StringComparison.Ordinal);

    public static List<Inline> Parse(string text, Func<string, IReadOnlyList<Inline>> service)
    {
        var runs = new List<Inline>();
        var plain = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (TryStrong(text, i, out var strong, out var next)
                || TryLink(text, i, out strong, out next)
                || TryAnswerHint(text, i, out strong, out next))
            {
                Flush();
                runs.Add(strong!);
                i = next;
            }
            else if (TryService(text, i, out var id, out next))
            {
                Flush();
                runs.AddRange(service(id));
                i = next;
            }
            else
            {
                plain.Append(text[i]);
                i++;
            }
        }

        Flush();
        return runs;

        void Flush()
        {
            if (plain.Length == 0) return;
            runs.Add(new TextRun(plain.ToString()));
            plain.Clear();
        }
    }

    /// <summary>The text of runs without any marks (for recognition and checks, not for showing).</summary>
    public static string PlainOf(IEnumerable<Inline> runs) => string.Concat(runs.Select(run => run switch
    {
        TextRun t => t.Text,
        StrongRun s => s.Text,
        LinkRun l => l.Label,
        _ => "",
    }));

    private static bool TryStrong(string text, int at, out Inline? run, out int next)
    {
        run = null;
        next = at;
        if (!text.AsSpan(at).StartsWith("**", StringComparison.Ordinal)) return false;
        var close = text.IndexOf("**", at + 2, StringComparison.Ordinal);
        if (close <= at + 2) return false;
        run = new StrongRun(text[(at + 2)..close]);
        next = close + 2;
        return true;
    }

    private static bool TryLink(string text, int at, out Inline? run, out int next)
    {
        run = null;
        next = at;
        if (text[at] != '[') return false;
        var labelEnd = text.IndexOf("](", at + 1, StringComparison.Ordinal);
        if (labelEnd <= at + 1 || text.IndexOf(']', at + 1) != labelEnd) return false;
        var urlEnd = text.IndexOf(')', labelEnd + 2);
        if (urlEnd <= labelEnd + 2) return false;
        var url = text[(labelEnd + 2)..urlEnd];
        if (url.Any(char.IsWhiteSpace)) return false;
        run = new LinkRun(text[(at + 1)..labelEnd], url);
        next = urlEnd + 1;
        return true;
    }

    private static bool TryAnswerHint(string text, int at, out Inline? run, out int next)
    {
        run = null;
        next = at;
        if (!text.AsSpan(at).StartsWith(AnswerHint, StringComparison.Ordinal)) return false;
        run = AnswerHintRun.Instance;
        next = at + AnswerHint.Length;
        return true;
    }

    private static bool TryService(string text, int at, out string id, out int next)
    {
        id = "";
        next = at;
        if (!text.AsSpan(at).StartsWith(ServiceStart, StringComparison.Ordinal)) return false;
        var close = text.IndexOf('}', at);
        if (close < 0) return false;
        id = text[(at + ServiceStart.Length)..close];
        next = close + 1;
        return true;
    }
}
