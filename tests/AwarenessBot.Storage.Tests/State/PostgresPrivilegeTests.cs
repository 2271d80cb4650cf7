using AwarenessBot.Storage.Expiry;
using AwarenessBot.Storage.Postgres;
using AwarenessBot.Storage.State;
using AwarenessBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AwarenessBot.Storage.Tests.State;

/// <summary>Production roles are not superusers: the store must start with a role that only owns its schema.</summary>
[RequiresPostgres]
public sealed class PostgresPrivilegeTests
{
    [DbFact]
    public async Task Schema_setup_works_for_a_role_that_owns_its_schema_but_cannot_create_schemas()
    {
        var admin = new NpgsqlConnectionStringBuilder(PostgresTestServer.RequireConnectionString());
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var (role, schema, password) = ("app_" + suffix, "s_" + suffix, Guid.NewGuid().ToString("N"));
        await using var dataSource = NpgsqlDataSource.Create(admin.ConnectionString);
        await ExecAsync(dataSource, $"CREATE ROLE {role} LOGIN PASSWORD '{password}' NOSUPERUSER NOCREATEDB; "
            + $"REVOKE CREATE ON DATABASE \"{admin.Database}\" FROM {role}; CREATE SCHEMA {schema} AUTHORIZATION {role}");
        try
        {
            var options = new StorageOptions
            {
                Provider = StorageProvider.Postgres,
                PostgresSchema = schema,
                ConnectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Username = role, Password = password, Pooling = false }.ConnectionString,
            };
            await using var dialect = new PostgresDialect(options);
            var storage = new SqlStateStore(new SchemaGate(dialect), new ExpiryPolicy(options, new FakeTimeProvider()));

            await storage.WriteAsync([StateWrite.Create(Keys.User(), """{"count":1}""")], CancellationToken.None);

            Assert.Single(await storage.ReadAsync([Keys.User()], CancellationToken.None));
        }
        finally
        {
            await ExecAsync(dataSource, $"DROP SCHEMA {schema} CASCADE; DROP ROLE {role}");
        }
    }

    private static async Task ExecAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
