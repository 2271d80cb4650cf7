using AwarenessBot.Tests.Support;
using static AwarenessBot.Tests.Scale.SqliteRestartTests;

namespace AwarenessBot.Tests.Scale;

/// <summary>
/// Two bot instances on one PostgreSQL database, as behind a load balancer: turns of one conversation alternate
/// between them and the dialog goes on as on one instance; "delete my data" removes the rows for both.
/// </summary>
public sealed class PostgresTwoInstanceTests : IAsyncLifetime
{
    private readonly string _schema = TestPostgres.NewSchemaName();
    private BotHostFactory? _hostA;
    private BotHostFactory? _hostB;

    public Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is null)
        {
            _hostA = TestHosts.Postgres(_schema);
            _hostB = TestHosts.Postgres(_schema);
        }

        return Task.CompletedTask;
    }

    [PostgresFact]
    public async Task Alternating_instances_carry_one_conversation_through_to_delete_my_data()
    {
        using var a = _hostA!.CreateClient();
        using var b = _hostB!.CreateClient();
        var conversation = new BotConversation();

        await ExpectAsync(conversation.StartAsync(a), "system_welcome_intro", "system_welcome_language");
        await ExpectAsync(conversation.SayAsync(b, "1"), "system_welcome_who");
        await ExpectAsync(conversation.SayAsync(a, "2"), "system_welcome_region");
        await ExpectAsync(conversation.SayAsync(b, "skip"), "system_main_menu");
        await ExpectAsync(conversation.SayAsync(a, "2"), "system_worker_menu");
        await ExpectAsync(conversation.SayAsync(b, "3"), "worker_housing_deductions", "worker_wage_claim", "system_ask_region");
        Assert.Equal(2, await TestPostgres.CountStateRowsAsync(_schema, conversation.Id));

        await ExpectAsync(conversation.SayAsync(a, "delete my data"), "system_delete_confirm");
        await ExpectAsync(conversation.SayAsync(b, "yes"), "system_delete_done");

        Assert.Equal(0, await TestPostgres.CountStateRowsAsync(_schema, conversation.Id));
        await ExpectAsync(conversation.SayAsync(a, "hello"), "system_welcome_intro", "system_welcome_language");
    }

    public async Task DisposeAsync()
    {
        if (_hostA is not null)
        {
            await _hostA.DisposeAsync();
        }

        if (_hostB is not null)
        {
            await _hostB.DisposeAsync();
        }

        if (TestPostgres.ConnectionString is not null)
        {
            await TestPostgres.DropSchemaAsync(_schema);
        }
    }
}
