using AwarenessBot.Storage.Tests.Support;

namespace AwarenessBot.Storage.Tests.State;

public sealed class MemoryStateStoreContractTests : StateStoreContractTests
{
    protected override StorageBackend CreateBackend() => new MemoryBackend();
}

public sealed class SqliteStateStoreContractTests : StateStoreContractTests
{
    protected override StorageBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresStateStoreContractTests : StateStoreContractTests
{
    protected override StorageBackend CreateBackend() => new PostgresBackend();
}
