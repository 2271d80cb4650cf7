using AwarenessBot.Engine.Graph;

namespace AwarenessBot.Cli;

/// <summary><c>graph &lt;flow_id&gt;</c>: a Mermaid flowchart of one flow, for reviews and documentation.</summary>
internal static class GraphCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length != 1)
        {
            output.WriteLine("usage: graph <flow_id>   (flow ids are the file names in dialogs/)");
            return 2;
        }

        var dialogs = CliPaths.Resolve().Dialogs;
        if (!File.Exists(Path.Combine(dialogs, args[0] + ".yaml")))
        {
            output.WriteLine($"no flow '{args[0]}' in {dialogs}");
            return 2;
        }

        output.WriteLine(MermaidGraph.Render(dialogs, args[0]));
        return 0;
    }
}
