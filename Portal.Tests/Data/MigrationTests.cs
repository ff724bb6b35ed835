using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Infrastructure;

namespace Portal.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_MatchTheModel()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: run dotnet ef migrations add");
    }

    [Fact]
    public void PostgresMigrations_MatchTheModel()
    {
        // Needs no server: the model and the snapshot of Portal.Migrations.Postgres are compared in memory.
        var options = new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgres("Host=localhost;Database=unused").Options;
        using var db = new PortalDbContext(options);

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "the model changed without a PostgreSQL migration: run dotnet ef migrations add <Intent> --project Portal.Migrations.Postgres --startup-project Portal.Migrations.Postgres --output-dir Migrations");
        db.Database.GetMigrations().ShouldNotBeEmpty();
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
