using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Core.Data;

namespace Portal.Core.Import.Runs;

/// <summary>
/// Delivers to this node's pages the progress of runs other nodes work. On PostgreSQL it LISTENs to
/// <see cref="PostgresProgressAnnouncer.Channel"/> on a connection of its own and reads the announced run's row; on SQLite
/// (several processes on one file) it polls the rows of runs leased to another node.
/// </summary>
internal sealed class ImportProgressListener(
    IDbContextFactory<PortalDbContext> contextFactory,
    ImportProgress progress,
    IOptions<ImportOptions> options,
    IOptions<DatabaseOptions> database,
    ILogger<ImportProgressListener> logger) : BackgroundService
{
    private readonly Dictionary<int, ImportProgressSnapshot> _seen = [];

    private string Node => options.Value.EffectiveNodeId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (database.Value.Provider == DatabaseProvider.Postgres)
                {
                    await ListenAsync(stoppingToken);
                }
                else
                {
                    await PollAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A dropped connection or a busy database: listen again shortly; pages still read the rows.
                logger.LogWarning(exception, "Live progress from other nodes interrupted; listening again");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await contextFactory.CreateDbContextAsync(stoppingToken))
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        // Keepalive so a connection a firewall silently dropped is noticed instead of waiting forever.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var announced = System.Threading.Channels.Channel.CreateUnbounded<int>();
        connection.Notification += (_, e) =>
        {
            var separator = e.Payload.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0 && e.Payload[(separator + 1)..] != Node && int.TryParse(e.Payload[..separator], out var runId))
            {
                announced.Writer.TryWrite(runId);
            }
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresProgressAnnouncer.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        var deliver = DeliverAnnouncedAsync(announced.Reader, stoppingToken);
        try
        {
            while (true)
            {
                await connection.WaitAsync(stoppingToken);
            }
        }
        finally
        {
            announced.Writer.TryComplete();
            await deliver;
        }
    }

    private async Task DeliverAnnouncedAsync(System.Threading.Channels.ChannelReader<int> announced, CancellationToken stoppingToken)
    {
        await foreach (var runId in announced.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                // Several announcements queued for one run: its row already shows the last; read it once.
                while (announced.TryPeek(out var next) && next == runId)
                {
                    announced.TryRead(out _);
                }

                await using var db = await contextFactory.CreateDbContextAsync(stoppingToken);
                var run = await db.Set<ImportRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, stoppingToken);
                if (run is not null)
                {
                    logger.LogDebug("Progress of import run {RunId} from {Node}: {ItemsDone}/{ItemsTotal} ({Status})",
                        run.Id, run.LeaseOwner, run.ItemsDone, run.ItemsTotal, run.Status);
                    await progress.DeliverAsync(ImportProgressSnapshot.From(run));
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not read the progress of import run {RunId} announced by another node", runId);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>SQLite has no notifications: read the rows of runs another node holds, and deliver the ones that moved.</summary>
    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LeaseRenewInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!progress.HasSubscribers)
            {
                continue;
            }

            await using var db = await contextFactory.CreateDbContextAsync(stoppingToken);
            var node = Node;
            var watched = _seen.Keys.ToList();
            // Only runs another node holds: this node's own runs reach its pages directly, and a queued run nobody holds
            // has nothing to show yet (reading it here could deliver a stale snapshot after a newer local one).
            var runs = await db.Set<ImportRun>().AsNoTracking()
                .Where(r => r.LeaseOwner != null && r.LeaseOwner != node
                    && (r.Status == ImportRunStatus.Queued || r.Status == ImportRunStatus.Running || watched.Contains(r.Id)))
                .ToListAsync(stoppingToken);
            foreach (var run in runs)
            {
                var snapshot = ImportProgressSnapshot.From(run);
                if (_seen.TryGetValue(run.Id, out var last) && last == snapshot)
                {
                    continue;
                }

                await progress.DeliverAsync(snapshot);
                if (snapshot.IsActive)
                {
                    _seen[run.Id] = snapshot;
                }
                else
                {
                    _seen.Remove(run.Id);
                }
            }
        }
    }
}
