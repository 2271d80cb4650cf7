namespace AwarenessBot.Testing.Transcripts;

/// <summary>Plays a transcript through a driver and fails with the file, line and turn index of the first difference.</summary>
public static class TranscriptRunner
{
    public static async Task RunAsync(TranscriptDefinition transcript, ITranscriptDriver driver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(driver);
        foreach (var turn in transcript.Turns)
        {
            var result = await driver.SendAsync(turn, cancellationToken);
            var where = $"{transcript.File}:{turn.Line}: turn {turn.Index} ({(turn.Start ? "start" : $"user: \"{turn.User}\"")})";
            if (!ResponseKeyPattern.Matches(turn.Bot, result.ResponseKeys))
                Fail(where, $"bot: expected [{string.Join(", ", turn.Bot)}] but was [{string.Join(", ", result.ResponseKeys)}]");
            if (turn.Choices is { } choices && !choices.SequenceEqual(result.LastChoices, StringComparer.Ordinal))
                Fail(where, $"choices: expected [{string.Join(", ", choices)}] but was [{string.Join(", ", result.LastChoices)}]");
            if (!turn.Effects.Order(StringComparer.Ordinal).SequenceEqual(result.Effects.Order(StringComparer.Ordinal), StringComparer.Ordinal))
                Fail(where, $"effects: expected [{string.Join(", ", turn.Effects)}] but was [{string.Join(", ", result.Effects)}]");
            if (turn.Events is { } events && result.Events is { } actual)
            {
                var missing = events.Where(e => !actual.Contains(e, StringComparer.Ordinal)).ToList();
                if (missing.Count > 0)
                    Fail(where, $"events: missing [{string.Join(", ", missing)}] in [{string.Join(", ", actual)}]");
            }
            if (turn.RepliesIn is { } language && result.Locales is { } locales && locales.Any(l => l != language))
                Fail(where, $"replies_in: expected every reply in '{language}' but was [{string.Join(", ", locales)}]");
            if (turn.Variants is { } variants && result.Variants is { } shown)
            {
                foreach (var (key, audience) in variants)
                {
                    if (!shown.TryGetValue(key, out var was) || was != audience)
                        Fail(where, $"variants: expected {key} written for '{audience}' but was '{was ?? "not shown"}'");
                }
            }
        }
    }

    private static void Fail(string where, string what) => throw new TranscriptFailedException($"{where}: {what}");
}

/// <summary>
/// Compares expected keys with actual ones. Consecutive identical actual keys (one item shown as several messages)
/// count once, so a transcript does not depend on how many messages an item has; "prefix*" matches one or more keys.
/// </summary>
public static class ResponseKeyPattern
{
    public static bool Matches(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var keys = new List<string>(actual.Count);
        foreach (var key in actual)
        {
            if (keys.Count == 0 || keys[^1] != key) keys.Add(key);
        }
        var k = 0;
        foreach (var pattern in expected)
        {
            if (pattern.EndsWith('*'))
            {
                var prefix = pattern[..^1];
                if (k >= keys.Count || !keys[k].StartsWith(prefix, StringComparison.Ordinal)) return false;
                while (k < keys.Count && keys[k].StartsWith(prefix, StringComparison.Ordinal)) k++;
            }
            else
            {
                if (k >= keys.Count || keys[k] != pattern) return false;
                k++;
            }
        }
        return k == keys.Count;
    }
}
