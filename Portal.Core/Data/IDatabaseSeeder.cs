namespace Portal.Core.Data;

/// <summary>Adds start-up rows once migrations have run. Seeders must be idempotent.</summary>
public interface IDatabaseSeeder
{
    Task SeedAsync(PortalDbContext db, CancellationToken cancellationToken);
}
