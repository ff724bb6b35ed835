using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Infrastructure;

namespace Portal.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_MatchTheModel()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: run dotnet ef migrations add");
    }

    [Fact]
    public void ResolveConnectionString_RelativeFile_LandsUnderTheContentRootAndCreatesTheFolder()
    {
        using var root = new TempDirectory();

        var resolved = DataServiceCollectionExtensions.ResolveConnectionString("Data Source=data/portal.db", root.Path);

        resolved.ShouldBe($"Data Source={Path.Combine(root.Path, "data", "portal.db")}");
        Directory.Exists(Path.Combine(root.Path, "data")).ShouldBeTrue();
    }
}
