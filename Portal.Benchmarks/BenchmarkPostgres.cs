using System.Globalization;
using Npgsql;

namespace Portal.Benchmarks;

/// <summary>A database of the benchmark's own on the PostgreSQL server given with <c>--connection</c>, dropped at the end.</summary>
internal static class BenchmarkPostgres
{
    public static string CreateDatabase(string server)
    {
        var name = $"portal_bench_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database);
        var name = builder.Database;
        NpgsqlConnection.ClearAllPools();
        builder.Database = "postgres";
        Execute(builder.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>(c) on PostgreSQL: the same rows as the SQLite floor through one prepared insert in one transaction.</summary>
    public static async Task<int> InsertRowsAsync(string database, int rows)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var columns = Enumerable.Range(1, 15).Select(i => $"c{i}").ToArray();
        await using (var create = new NpgsqlCommand($"CREATE TABLE floor_clients (id serial PRIMARY KEY, {string.Join(", ", columns.Select(c => c + " text"))})", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO floor_clients ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})", connection, transaction);
        var parameters = columns.Select(_ => insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text })).ToArray();
        await insert.PrepareAsync();
        for (var row = 0; row < rows; row++)
        {
            var n = row.ToString(CultureInfo.InvariantCulture);
            for (var column = 0; column < parameters.Length; column++)
            {
                parameters[column].Value = $"value {column} of client {n}";
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return rows;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
