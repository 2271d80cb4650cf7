using AwarenessBot.Hosting;

namespace AwarenessBot.Cli;

/// <summary>The same folder resolution as the server, from the same configuration sources.</summary>
internal static class CliPaths
{
    public static RepositoryPaths Resolve()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return RepositoryPaths.Resolve(configuration, Directory.GetCurrentDirectory());
    }
}
