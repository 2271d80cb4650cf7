namespace AwarenessBot.Cli;

/// <summary>
/// Author tools: <c>dotnet run --project src/AwarenessBot -- &lt;command&gt;</c>. Each command works on the repository's
/// <c>seeds/</c> and <c>dialogs/</c> (or <c>Content:SeedsPath</c>/<c>Content:DialogsPath</c>) without starting the server.
/// </summary>
internal static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], TextWriter, Task<int>>> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["validate"] = (args, output) => Task.FromResult(ValidateCommand.Run(args, output)),
        ["coverage"] = (args, output) => Task.FromResult(CoverageCommand.Run(args, output)),
        ["graph"] = (args, output) => Task.FromResult(GraphCommand.Run(args, output)),
        ["chat"] = ChatCommand.RunAsync,
        ["export-translations"] = (args, output) => Task.FromResult(TranslationCommands.Export(args, output)),
        ["import-translations"] = (args, output) => Task.FromResult(TranslationCommands.Import(args, output)),
        ["translation-coverage"] = (args, output) => Task.FromResult(TranslationCommands.Coverage(args, output)),
        ["eval-triage"] = (args, output) => Task.FromResult(TriageCommands.Evaluate(args, output)),
        ["train-triage"] = (args, output) => Task.FromResult(TriageModelCommands.Train(args, output)),
        ["explain-triage"] = (args, output) => Task.FromResult(TriageModelCommands.Explain(args, output)),
        ["known-words"] = (args, output) => Task.FromResult(KnownWordsCommand.Run(args, output)),
        ["eval-intents"] = (args, output) => Task.FromResult(IntentCommands.Evaluate(args, output)),
        ["eval-conversations"] = ConversationCommands.EvaluateAsync,
        ["train-intents"] = (_, output) => Task.FromResult(IntentCommands.Train(output)),
        ["help"] = (_, output) => Task.FromResult(Help(output)),
        ["--help"] = (_, output) => Task.FromResult(Help(output)),
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out);

    public static Task<int> RunAsync(string[] args, TextWriter output) => Commands[args[0]](args[1..], output);

    private static int Help(TextWriter output)
    {
        output.WriteLine("""
            AwarenessBot author tools
              validate                              check every flow, content item, service, intent and lexicon (file:line errors)
              coverage [--write]                    service directory coverage, region x need (--write: seeds/services/COVERAGE.md)
              graph <flow_id>                       print a Mermaid diagram of a flow
              chat [--channel <id>] [--locale <l>]  talk to the bot in the terminal (e.g. --channel sms)
              translation-coverage                  coverage per locale and topic
              export-translations <locale> <file>   write a CSV for translators (English source beside each text)
              import-translations <file>            read a translated CSV back, with validation
              eval-triage <file.jsonl> [--misses] [--by-rule]
                                                    triage recall/precision/false alarms on a labelled corpus; --by-rule: labels of each rule's answers
              train-triage [--seeds <dir>]          train the triage model on seeds/corpus/triage, calibrate on dev, write seeds/models/triage.model
              explain-triage "<text>" [--top <n>]   class scores and the n-grams behind them (this console only)
              known-words [--write]                 corpus words the spelling corrector must not change (seeds/triage/known-words.corpus.txt)
              eval-intents <file.jsonl> [--misses]  intent and region accuracy per language on labelled navigation messages
              eval-conversations <file.jsonl> [--misses]
                                                    personas played against the real engine: goal reached, follow-ups, re-prompts per language
              train-intents                         train the intent model on seeds/corpus/intents and the phrases, pick its threshold on dev, write seeds/models/intents.model
            Without a command the bot's web server starts.
            """);
        return 0;
    }
}
