using AwarenessBot.Edge.Tests.Support;

namespace AwarenessBot.Edge.Tests.State;

public sealed class MemoryBotStateStorageContractTests : BotStateStorageContractTests
{
    protected override StateBackend CreateBackend() => new MemoryBackend();
}

public sealed class SqliteBotStateStorageContractTests : BotStateStorageContractTests
{
    protected override StateBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresBotStateStorageContractTests : BotStateStorageContractTests
{
    protected override StateBackend CreateBackend() => new PostgresBackend();
}
