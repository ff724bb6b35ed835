using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Infrastructure;

/// <summary>Contexts on a SQLite file another process owns (and migrated): for reading or queueing work beside it.</summary>
public sealed class SqliteFileDatabase(string path) : IDbContextFactory<PortalDbContext>
{
    private readonly DbContextOptions<PortalDbContext> _options =
        new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite($"Data Source={path}").Options;

    public PortalDbContext CreateDbContext() => new(_options);

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var db = CreateDbContext();
        return await action(db);
    }
}
