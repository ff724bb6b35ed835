using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Core.Data;

/// <summary>Applies migrations and runs the seeders before the app takes requests.</summary>
internal sealed class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> contextFactory,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is not (":memory:" or ""))
        {
            // WAL lets the background runs write while pages read.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        foreach (var seeder in services.GetServices<IDatabaseSeeder>())
        {
            await seeder.SeedAsync(db, cancellationToken);
        }

        logger.LogInformation("Database ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
