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
/// Claims queued runs from the database one at a time. On start-up it picks up runs a crash or restart left
/// Running: a fetch simply starts again (it only reads XPM into its own staging rows). One failed run never
/// stops the worker.
/// </summary>
public sealed class ImportWorker(
    IServiceScopeFactory scopes,
    IDbContextFactory<PortalDbContext> contextFactory,
    ImportQueue queue,
    ImportProgress progress,
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
        await RequeueInterruptedRunsAsync(stoppingToken);
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
            // Shutting down: the run stays Running and is picked up again at the next start.
            logger.LogInformation("Import run {RunId} interrupted by shutdown; it resumes at the next start", runId);
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
            queue.Untrack(runId);
        }
    }

    private async Task<ImportRunKind> KindOfAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ImportRun>().Where(r => r.Id == runId).Select(r => r.Kind).SingleAsync(cancellationToken);
    }

    private async Task<int?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var next = await db.Set<ImportRun>()
            .Where(r => r.Status == ImportRunStatus.Queued)
            .OrderBy(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return null;
        }

        if (next.CancelRequested)
        {
            next.Status = ImportRunStatus.Cancelled;
            next.FinishedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await progress.PublishAsync(ImportProgressSnapshot.From(next));
            return await ClaimNextAsync(cancellationToken);
        }

        if (next.Attempts >= options.Value.MaxAttempts)
        {
            next.Status = ImportRunStatus.Failed;
            next.Error = $"Stopped after {next.Attempts} attempts: the run kept being interrupted.";
            next.FinishedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await progress.PublishAsync(ImportProgressSnapshot.From(next));
            return await ClaimNextAsync(cancellationToken);
        }

        return next.Id;
    }

    private async Task RequeueInterruptedRunsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var requeued = await db.Set<ImportRun>()
            .Where(r => r.Status == ImportRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportRunStatus.Queued).SetProperty(r => r.Phase, "Resuming after a restart"), cancellationToken);
        if (requeued > 0)
        {
            logger.LogInformation("Resuming {Count} import runs interrupted by a restart", requeued);
        }
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
