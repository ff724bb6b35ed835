using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Practices;

namespace Portal.Infrastructure;

/// <summary>Real SQLite in memory, migrated, with one practice. The connection stays open for the test's life.</summary>
public sealed class SqliteTestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Filename=:memory:");
    private readonly DbContextOptions<PortalDbContext> _options;

    private SqliteTestDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite(_connection).Options;
    }

    public int PracticeId { get; private set; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        var practice = new Practice { Name = "Test Practice", CreatedAt = DateTime.UtcNow };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        database.PracticeId = practice.Id;
        return database;
    }

    public PortalDbContext CreateDbContext() => new(_options);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
