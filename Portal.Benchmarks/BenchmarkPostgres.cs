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

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
