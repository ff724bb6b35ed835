using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Infrastructure;

namespace Portal.Data;

public sealed class PortalSqliteTests
{
    [Fact]
    public async Task Contains_ListLongerThanSqlitesVariableLimit_IsOneParameterAndRuns()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        // A full re-import of a 20,000-client practice selects this many; one parameter each would pass SQLite's 32,766.
        var ids = Enumerable.Range(1, 40_000).ToList();

        var query = db.Clients.Where(c => ids.Contains(c.Id));

        query.ToQueryString().ShouldContain("json_each");
        (await query.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Connection_ToAFileDatabase_WaitsForTheWriteLockAndReadsWithoutAMemoryMap()
    {
        var path = Path.Combine(Path.GetTempPath(), $"portal-settings-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalSqlite($"Data Source={path};Pooling=False").Options;
            await using var db = new PortalDbContext(options);
            await db.Database.OpenConnectionAsync();

            (await Pragma(db, "busy_timeout")).ShouldBe(30_000);
            (await Pragma(db, "mmap_size")).ShouldBe(0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<long> Pragma(PortalDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
