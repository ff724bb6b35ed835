using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Practices;

namespace Portal.Infrastructure;

/// <summary>
/// A real, migrated database of the test's own, with one practice: SQLite in memory (its connection open for the test's
/// life), or a fresh PostgreSQL database when <c>PORTAL_TEST_POSTGRES</c> is set (<see cref="PostgresTestServer"/>),
/// so the same tests run on both providers.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly string? _postgres;
    private readonly DbContextOptions<PortalDbContext> _options;

    private TestDatabase(SqliteConnection? sqlite, string? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
        _options = postgres is not null
            ? new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgres(postgres).Options
            : new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite(sqlite!).Options;
    }

    public int PracticeId { get; private set; }

    public DatabaseProvider Provider => _postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    /// <summary>The PostgreSQL database's connection string (null on SQLite in memory).</summary>
    public string? ConnectionString => _postgres;

    public static async Task<TestDatabase> CreateAsync()
    {
        TestDatabase database;
        if (PostgresTestServer.IsEnabled)
        {
            database = new TestDatabase(null, await PostgresTestServer.CreateDatabaseAsync());
        }
        else
        {
            var connection = new SqliteConnection("Filename=:memory:");
            await connection.OpenAsync();
            database = new TestDatabase(connection, null);
            await using var migrate = database.CreateDbContext();
            await migrate.Database.MigrateAsync();
        }

        await using var db = database.CreateDbContext();
        var practice = new Practice { Name = "Test Practice", CreatedAt = DateTime.UtcNow };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        database.PracticeId = practice.Id;
        return database;
    }

    public PortalDbContext CreateDbContext() => new(_options);

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_postgres);
        }
    }
}
