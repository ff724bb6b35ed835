using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Undo;

namespace Portal.Core.Import.Runs;

/// <summary>
/// Claims runs from the database one at a time, under a lease it renews while it works (<see cref="ImportRunClaims"/>),
/// so several nodes can share one database: a run whose node died is taken over by another node once its lease expires,
/// and resumes (a fetch simply starts again; it only reads XPM into its own staging rows). On start-up the runs this
/// node's previous process held are resumed at once. One failed run never stops the worker.
/// </summary>
public sealed class ImportWorker(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> contextFactory,
    ImportQueue queue,
    ImportProgress progress,
    ImportRunClaims claims,
    IOptions<ImportOptions> options,
    IPortalAddress portal,
    TimeProvider time,
    ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The host waits for ExecuteAsync's first real await before it starts the next service (Kestrel among them), and
        // SQLite's async calls complete synchronously: without this, a run resumed after a crash would be applied before
        // the portal even listened.
        await Task.Yield();
        var resumed = await claims.ReleaseLeasesOfPreviousProcessAsync(stoppingToken);
        if (resumed > 0)
        {
            logger.LogInformation("Resuming {Count} import runs this node was working on when it stopped", resumed);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var runId = await ClaimNextAsync(stoppingToken);
            if (runId is null)
            {
                await queue.WaitAsync(options.Value.PollInterval, stoppingToken);
                continue;
            }

            await RunAsync(runId.Value, stoppingToken);
        }
    }

    private async Task RunAsync(int runId, CancellationToken stoppingToken)
    {
        using var cancellation = queue.Track(runId, stoppingToken);
        using var stopLease = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var leaseLost = new LeaseLost();
        var lease = KeepLeaseAsync(runId, cancellation, leaseLost, stopLease.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var kind = await KindOfAsync(runId, stoppingToken);
            var baseUrl = portal.BaseUri.AbsoluteUri;
            if (kind == ImportRunKind.Sync)
            {
                await scope.ServiceProvider.GetRequiredService<Sync.SyncRunner>().RunAsync(runId, baseUrl, cancellation.Token);
            }
            else if (kind == ImportRunKind.Fetch)
            {
                await scope.ServiceProvider.GetRequiredService<FetchRunner>().RunAsync(runId, baseUrl, cancellation.Token);
            }
            else if (kind == ImportRunKind.Undo)
            {
                await scope.ServiceProvider.GetRequiredService<UndoRunner>().RunAsync(runId, baseUrl, cancellation.Token);
            }
            else
            {
                await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(runId, baseUrl, cancellation.Token);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the run stays Running and is picked up again at the next start, or by another node.
            logger.LogInformation("Import run {RunId} interrupted by shutdown; it resumes at the next start", runId);
        }
        catch (OperationCanceledException) when (leaseLost.Value)
        {
            logger.LogWarning("Import run {RunId} stopped here: another node took it over after this node's lease expired", runId);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(runId, ImportRunStatus.Cancelled, "Cancelled.");
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Import run {RunId} failed", runId);
            await FinishAsync(runId, ImportRunStatus.Failed, "The run stopped on an unexpected error. It has been logged; please try again.");
        }
        finally
        {
            await stopLease.CancelAsync();
            await lease;
            queue.Untrack(runId);
        }
    }

    /// <summary>Set (before the run is cancelled) when another node took the run over: the run is not "Cancelled", just no longer ours.</summary>
    private sealed class LeaseLost
    {
        public volatile bool Value;
    }

    /// <summary>
    /// Renews the run's lease while it works, and trips the run's cancellation when a cancel was asked from any node
    /// (the flag on the row) or when the lease was lost to another node.
    /// </summary>
    private async Task KeepLeaseAsync(int runId, CancellationTokenSource run, LeaseLost leaseLost, CancellationToken stop)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.LeaseRenewInterval, time);
            while (await timer.WaitForNextTickAsync(stop))
            {
                LeaseRenewal renewal;
                try
                {
                    renewal = await claims.RenewAsync(runId, stop);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A database hiccup: try again at the next tick; the lease outlives several of them.
                    logger.LogWarning(exception, "Could not renew the lease of import run {RunId}", runId);
                    continue;
                }

                if (!renewal.StillOwned)
                {
                    leaseLost.Value = true;
                    await run.CancelAsync();
                    return;
                }

                if (renewal.CancelRequested)
                {
                    await run.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended (or the node is stopping): stop renewing.
        }
    }

    private async Task<ImportRunKind> KindOfAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ImportRun>().Where(r => r.Id == runId).Select(r => r.Kind).SingleAsync(cancellationToken);
    }

    private async Task<int?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        while (await claims.ClaimNextAsync(cancellationToken) is { } runId)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var next = await db.Set<ImportRun>().SingleAsync(r => r.Id == runId, cancellationToken);
            if (next.CancelRequested)
            {
                next.Status = ImportRunStatus.Cancelled;
                next.FinishedAt = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                await progress.PublishAsync(ImportProgressSnapshot.From(next));
                continue;
            }

            if (next.Attempts >= options.Value.MaxAttempts)
            {
                next.Status = ImportRunStatus.Failed;
                next.Error = $"Stopped after {next.Attempts} attempts: the run kept being interrupted.";
                next.FinishedAt = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(cancellationToken);
                await progress.PublishAsync(ImportProgressSnapshot.From(next));
                continue;
            }

            return next.Id;
        }

        return null;
    }

    private async Task FinishAsync(int runId, ImportRunStatus status, string message)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        var run = await db.Set<ImportRun>().SingleAsync(r => r.Id == runId);
        run.Status = status;
        run.Error = status == ImportRunStatus.Failed ? message : null;
        run.Phase = message;
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await progress.PublishAsync(ImportProgressSnapshot.From(run));
    }
}
