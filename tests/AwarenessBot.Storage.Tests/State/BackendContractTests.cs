using AwarenessBot.Storage.Tests.Support;

namespace AwarenessBot.Storage.Tests.State;

/// <summary>The SDK's MemoryStorage: the contract where SDK semantics apply (unit tests only in the host).</summary>
public sealed class MemoryStorageContractTests : StorageContractTests
{
    protected override StorageBackend CreateBackend() => new MemoryBackend();
}

public sealed class SqliteStorageContractTests : SqlStorageContractTests
{
    protected override StorageBackend CreateBackend() => new SqliteBackend();
}

[RequiresPostgres]
public sealed class PostgresStorageContractTests : SqlStorageContractTests
{
    protected override StorageBackend CreateBackend() => new PostgresBackend();
}
