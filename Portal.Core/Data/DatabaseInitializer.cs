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
    /// <summary>PostgreSQL advisory lock key taken while a node migrates and seeds ("PORT" in ASCII).</summary>
    private const long StartUpLock = 0x504F5254;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is not (":memory:" or ""))
        {
            // WAL lets the background runs write while pages read.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // A database that does not exist yet is created by MigrateAsync; there is nothing to lock in it before that.
        var locked = db.Database.IsNpgsql() && await db.Database.CanConnectAsync(cancellationToken);
        if (locked)
        {
            // Several nodes may start together on one database: the seeders check, then insert, so one node at a time.
            // A session lock on this context's connection; a node that dies holding it drops it with its connection.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartUpLock})", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        foreach (var seeder in services.GetServices<IDatabaseSeeder>())
        {
            await seeder.SeedAsync(db, cancellationToken);
        }

        if (locked)
        {
            // Explicitly: a pooled connection would otherwise keep the lock until its next use resets it.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartUpLock})", CancellationToken.None);
        }

        logger.LogInformation("Database ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
