using Microsoft.EntityFrameworkCore;
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
}
