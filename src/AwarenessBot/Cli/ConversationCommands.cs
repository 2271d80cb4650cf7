using AwarenessBot.Analysis.Local;
using AwarenessBot.Content.Abstractions;
using AwarenessBot.Content.DependencyInjection;
using AwarenessBot.Engine.Evaluation.Conversations;
using AwarenessBot.Engine.Loading;

namespace AwarenessBot.Cli;

/// <summary>
/// <c>eval-conversations &lt;file.jsonl&gt; [--misses]</c>: plays every persona of a conversation corpus against the
/// real engine (the real dialogs/, seeds/, content, services and local text analysis, on the persona's channel) and
/// prints per language: conversations that reached their goal, follow-ups right, conversations with at most one
/// re-prompt, mean messages to the goal. <c>--misses</c> prints the failed conversations' transcripts — refused on
/// a frozen test split (test*.jsonl): reading its misses would spend it.
/// </summary>
internal static class ConversationCommands
{
    /// <summary>
    /// Every run uses the same instant (a Wednesday afternoon in Toronto), so that opening hours rank services the
    /// same way each time and the figures only move when the bot does.
    /// </summary>
    public static readonly DateTimeOffset EvaluationNow = new(2026, 12, 2, 19, 0, 0, TimeSpan.Zero);

    public static async Task<int> EvaluateAsync(string[] args, TextWriter output)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file))
        {
            await output.WriteLineAsync("usage: eval-conversations <file.jsonl> [--misses]").ConfigureAwait(false);
            return 2;
        }

        var misses = args.Contains("--misses", StringComparer.Ordinal);
        if (misses && IsFrozen(file))
        {
            await output.WriteLineAsync("refused: the frozen test split's misses are not shown (tuning on them would spend it).").ConfigureAwait(false);
            return 2;
        }

        var report = await RunAsync(file, CancellationToken.None).ConfigureAwait(false);
        if (misses)
        {
            foreach (var line in report.Misses()) await output.WriteLineAsync(line).ConfigureAwait(false);
        }
        await output.WriteAsync(report.Table()).ConfigureAwait(false);
        return 0;
    }

    public static bool IsFrozen(string file) => Path.GetFileName(file).StartsWith("test", StringComparison.OrdinalIgnoreCase);

    /// <summary>The evaluation the command prints, for tests that hold a floor under it.</summary>
    public static async Task<ConversationReport> RunAsync(string file, CancellationToken cancellationToken)
    {
        var paths = CliPaths.Resolve();
        await using var provider = new ServiceCollection().AddLogging().AddContentRepository(paths.Seeds).BuildServiceProvider();
        var engine = EngineFactory.Create(paths.Dialogs, paths.Seeds,
            provider.GetRequiredService<IContentRepository>(), provider.GetRequiredService<IServiceDirectory>());
        var input = new AnalyzedPersonaInput(LocalTextAnalyzer.FromSeeds(paths.Seeds), EvaluationNow);
        return await ConversationEvaluation.RunAsync(engine, input, ConversationPersona.Read(file), cancellationToken).ConfigureAwait(false);
    }
}
