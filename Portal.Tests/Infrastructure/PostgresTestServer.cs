using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Data;

namespace Portal.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests run against when <c>PORTAL_TEST_POSTGRES</c> holds a connection string (./test.sh
/// starts a throwaway one). Each test gets a database of its own, copied from a template migrated once per test run, so
/// a test costs a <c>CREATE DATABASE</c>, not a migration.
/// </summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "PORTAL_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static readonly string TemplateName = $"portal_template_{Environment.ProcessId}";
    private static bool _templateReady;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Standing = new();

    /// <summary>The server's connection string, or null when the tests run on SQLite.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static bool IsEnabled => ConnectionString is not null;

    /// <summary>The server, or a failure saying how to get one: a test that needs PostgreSQL never skips.</summary>
    public static string RequiredConnectionString => ConnectionString ?? throw new InvalidOperationException(
        $"This test needs PostgreSQL: set {EnvironmentVariable} to a connection string (./test.sh starts a throwaway server and sets it).");

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        await EnsureTemplateAsync();
        var name = $"portal_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        return DatabaseConnectionString(name);
    }

    /// <summary>The synchronous twin of <see cref="CreateDatabaseAsync"/>, for WebApplicationFactory's synchronous configuration hook.</summary>
    public static string CreateDatabase() => Task.Run(CreateDatabaseAsync).GetAwaiter().GetResult();

    /// <summary>
    /// The PostgreSQL database standing for a SQLite connection string a test passes to several app instances (a restart
    /// on the same file): the same string always maps to the same database. Dropped with the throwaway server.
    /// </summary>
    public static string DatabaseStandingFor(string sqliteConnectionString) =>
        Standing.GetOrAdd(sqliteConnectionString, _ => new Lazy<string>(CreateDatabase)).Value;

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        // FORCE ends connections the test's pool still holds; the pool forgets them.
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string DatabaseConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(RequiredConnectionString) { Database = database }.ConnectionString;

    private static async Task EnsureTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
            var options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgres(DatabaseConnectionString(TemplateName)).Options;
            await using (var db = new PortalDbContext(options))
            {
                await db.Database.MigrateAsync();
            }

            // A template copied while someone is connected to it fails ("source database is being accessed by other users").
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        // Pooling off: a pooled connection to "postgres" would hold nothing, but one to the template would block copies.
        var builder = new NpgsqlConnectionStringBuilder(RequiredConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
