using System.Globalization;
using System.Text;
using LoadGenerator.Cli;
using LoadGenerator.Hosting;
using LoadGenerator.Load;
using LoadGenerator.Reporting;
using LoadGenerator.Script;
using Microsoft.Data.Sqlite;

namespace LoadGenerator.Modes;

/// <summary>
/// <c>--state-size</c>: bytes stored per conversation and per user after each script step. Starts the host with SQLite
/// storage in a temporary data directory, plays one English and one French conversation step by step, and after
/// each step reads the rows' JSON length (UTF-8 bytes) with Microsoft.Data.Sqlite (WAL: committed rows are visible).
/// </summary>
internal static class StateSizeMode
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("Storage__Provider", "Sqlite");
        var target = HostTarget.ByName(options.Target, options.ProductDll, options.FloorDll, options.ProductEnv, options.FloorEnv);
        await using var server = await HostRuns.StartAsync(target, options, cancellationToken);
        var database = Path.Combine(server.DataDirectory, "awarenessbot.db");
        using var http = TurnClient.CreateHttpClient(server.BaseUri);
        var client = new TurnClient(http);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Stored state per step: {target.Name} (SQLite, UTF-8 bytes of the stored JSON)").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {MachineInfo.Describe()}").AppendLine();
        md.AppendLine("| conversation | step | HTTP result | conversation state bytes | user state bytes |").AppendLine("|---|---|---|---:|---:|");
        var maxConversation = 0L;
        // Slot 0 is English, slot 2 is French (see ConversationSlot).
        foreach (var index in new[] { 0, 2 })
        {
            var slot = new ConversationSlot("state", index, options.ChannelId);
            var address = slot.Address;
            for (var step = 0; step < ConversationScript.Steps.Count; step++)
            {
                var name = slot.Step.Name;
                var outcome = await client.PlayAsync(slot, cancellationToken);
                var conversation = await SizeAsync(database, $"{address.ChannelId}/conversations/{address.ConversationId}", cancellationToken);
                var user = await SizeAsync(database, $"{address.ChannelId}/users/{address.UserId}", cancellationToken);
                maxConversation = Math.Max(maxConversation, conversation ?? 0);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {address.Language} | {name} | {outcome.Status} | {Show(conversation)} | {Show(user)} |");
            }
        }

        md.AppendLine().AppendLine(!File.Exists(database)
            ? "No SQLite database was created: this host does not use the SQLite IStorage yet (MemoryStorage?), so nothing could be measured."
            : maxConversation == 0
            ? "The host stored no conversation state at any step (a bot that keeps no state yet?): nothing to compare with the budget."
            : string.Create(CultureInfo.InvariantCulture, $"Largest conversation state: {maxConversation} bytes (budget < 2,048: **{(maxConversation < 2048 ? "met" : "NOT met")}**). \"absent\" = no row (not yet written, or deleted)."));
        ReportWriter.Publish(md.ToString(), "state-size-latest", options.Output);
        return 0;
    }

    private static string Show(long? bytes) => bytes is { } b ? b.ToString(CultureInfo.InvariantCulture) : "absent";

    private static async Task<long?> SizeAsync(string database, string key, CancellationToken cancellationToken)
    {
        if (!File.Exists(database))
        {
            return null;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(CAST(json AS BLOB)) FROM state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
