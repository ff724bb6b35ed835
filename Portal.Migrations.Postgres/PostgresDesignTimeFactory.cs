using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Core.Data;

namespace Portal.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without a running app or a server (adding a migration only diffs
/// the model against the snapshot). From the repository root:
/// <c>dotnet ef migrations add &lt;Intent&gt; --project Portal.Migrations.Postgres --startup-project Portal.Migrations.Postgres --output-dir Migrations</c>
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UsePortalPostgres("Host=localhost;Database=portal_design").Options);
}
