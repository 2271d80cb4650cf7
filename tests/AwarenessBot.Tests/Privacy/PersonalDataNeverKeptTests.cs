using System.Text;
using AwarenessBot.Tests.Scale;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace AwarenessBot.Tests.Privacy;

/// <summary>
/// Someone types their name, numbers, address and a disclosure into the bot. None of it may reach a log (at any
/// level, in the message or its structured state) or the database (any table, any column, or the raw file bytes).
/// </summary>
public sealed class PersonalDataNeverKeptTests(ITestOutputHelper output)
{
    private const string Marker = "Quillfeather";

    /// <summary>What is planted, and the forms it could be written in (digits without separators, say).</summary>
    private static readonly string[] Planted =
    [
        Marker, "Xylomena", "Quarrington",
        "613-555-0142", "6135550142", "555-0142",
        "xylomena.q@example.org", "example.org",
        "046 454 286", "046454286",
        "K1A 0B1", "K1A0B1",
        "417 Bramblewood", "Bramblewood",
        "GX482913",
        "locked me in", "hurt me",
    ];

    private static readonly string[] Messages =
    [
        $"my name is Xylomena Quarrington, remember the word {Marker}",
        "you can call me at 613-555-0142 or write to xylomena.q@example.org",
        "my SIN is 046 454 286 and I live at 417 Bramblewood Crescent, Ottawa K1A 0B1",
        "my boss keeps my passport GX482913",
        "he locked me in and says he'll hurt me",
        "menu",
    ];

    [Fact]
    public async Task Planted_personal_data_reaches_no_log_no_table_and_no_database_byte()
    {
        using var files = new SqliteFiles();
        var logs = new FakeLogCollector();
        var conversation = new BotConversation();
        var replies = new List<BotTurn>();
        await using (var factory = TestHosts.Sqlite(files.DataDirectory, analytics: true))
        await using (var host = factory.WithLogCapture(logs))
        {
            using var client = host.CreateClient();
            replies.Add(await conversation.StartAsync(client));
            replies.Add(await conversation.SayAsync(client, "1"));
            foreach (var message in Messages)
            {
                replies.Add(await conversation.SayAsync(client, message));
            }

            Assert.Contains("system_crisis_immediate_danger", replies[^2].Keys);
            AssertAbsent("database file while the host runs", files.RawFiles().Select(f => (Path.GetFileName(f.Path), Encoding.Latin1.GetString(f.Bytes))));
        }

        // The host is disposed: the analytics writer has drained its buffer and the WAL is checkpointed.
        var tables = await files.DumpAllTablesAsync();
        Assert.True(tables["analytics_events"].Count > 0, "analytics were enabled but nothing was written: the check would prove nothing");
        Assert.True(tables["state"].Count >= 2, "no state was written: the check would prove nothing");
        AssertAbsent("database rows", tables.SelectMany(t => t.Value.Select((row, i) => ($"{t.Key} row {i}", row))));
        AssertAbsent("database file after shutdown", files.RawFiles().Select(f => (Path.GetFileName(f.Path), Encoding.Latin1.GetString(f.Bytes))));

        var entries = logs.GetSnapshot();
        Assert.Contains(entries, e => e.Level <= LogLevel.Debug);
        Assert.Contains(entries, e => e.Message.StartsWith("Risk signal", StringComparison.Ordinal));
        AssertAbsent("logs", entries.Select((e, i) => ($"log {i} [{e.Level} {e.Category}]", e.AllText())));
        AssertAbsent("replies", replies.SelectMany(r => r.Activities).Select((a, i) => ($"reply {i}", a.ToJsonString())));

        foreach (var (key, kind, bytes) in await files.StateRowsAsync())
        {
            output.WriteLine($"{kind} state: {bytes} bytes ({key.Split('/')[0]}/{key.Split('/')[1]}/…)");
            Assert.True(bytes < (kind == "user" ? 1024 : 4096), $"{kind} state is {bytes} bytes: more than a few ids and flags");
        }

        output.WriteLine($"{entries.Count} log entries checked; {tables["analytics_events"].Count} analytics rows; {tables["state"].Count} state rows");
    }

    private static void AssertAbsent(string where, IEnumerable<(string Name, string Text)> texts)
    {
        foreach (var (name, text) in texts)
        {
            foreach (var planted in Planted)
            {
                var at = text.IndexOf(planted, StringComparison.OrdinalIgnoreCase);
                Assert.True(at < 0, $"'{planted}' found in {where}, {name}: …{text.Substring(Math.Max(0, at - 80), Math.Min(text.Length - Math.Max(0, at - 80), 200))}…");
            }
        }
    }
}
