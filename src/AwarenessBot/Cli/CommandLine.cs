namespace AwarenessBot.Cli;

/// <summary>Entry point of the author tools: <c>dotnet run --project src/AwarenessBot -- &lt;command&gt;</c>.</summary>
internal static class CommandLine
{
    private static readonly string[] Commands = ["validate", "graph", "chat", "export-translations", "import-translations", "translation-coverage", "help", "--help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static Task<int> RunAsync(string[] args)
    {
        Console.Out.WriteLine("Commands are wired as their libraries land: " + string.Join(", ", Commands));
        return Task.FromResult(args[0] is "help" or "--help" ? 0 : 2);
    }
}
