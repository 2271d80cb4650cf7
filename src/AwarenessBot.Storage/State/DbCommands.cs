using System.Data.Common;

namespace AwarenessBot.Storage.State;

internal static class DbCommands
{
    /// <summary>Builds a parameterised command; values are never spliced into SQL text.</summary>
    public static DbCommand Create(DbConnection connection, string sql, DbTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text comes from constants and validated identifiers; values are parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
