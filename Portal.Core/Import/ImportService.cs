using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm.Connection;

namespace Portal.Core.Import;

/// <summary>What the pages ask of the import: start a fetch, watch it, cancel it.</summary>
public sealed class ImportService(
    IDbContextFactory<PortalDbContext> contextFactory,
    ICurrentUser currentUser,
    ImportQueue queue,
    ImportProgress progress,
    TimeProvider time)
{
    /// <summary>"Import Data": queues a fetch, unless one is already queued or running for the practice.</summary>
    public async Task<Result<int>> StartFetchAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<XpmConnection>().AnyAsync(c => c.PracticeId == user.PracticeId && c.Status == XpmConnectionStatus.Connected, cancellationToken))
        {
            return new XpmNotConnectedError();
        }

        return await QueueAsync(db, NewRun(user, ImportRunKind.Fetch), cancellationToken);
    }

    /// <summary>"Confirm and import data": queues the import of a reviewed fetch's selection.</summary>
    public async Task<Result<int>> StartImportAsync(int fetchRunId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var fetch = await db.Set<ImportRun>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == fetchRunId && r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Fetch && r.Status == ImportRunStatus.Succeeded, cancellationToken);
        if (fetch is null)
        {
            return new ImportRunNotFoundError(fetchRunId);
        }

        var run = NewRun(user, ImportRunKind.Import);
        run.FetchRunId = fetchRunId;
        run.SelectedStaff = await db.Set<StagedStaff>().CountAsync(x => x.RunId == fetchRunId && x.IsSelected, cancellationToken);
        var selected = db.Set<StagedClient>().Where(x => x.RunId == fetchRunId && x.IsSelected && !x.IsArchived && !x.IsDeleted);
        run.SelectedClients = await selected.CountAsync(x => x.Kind == Portal.Core.Clients.ClientKind.Person, cancellationToken);
        run.SelectedEntities = await selected.CountAsync(x => x.Kind == Portal.Core.Clients.ClientKind.Entity, cancellationToken);
        return await QueueAsync(db, run, cancellationToken);
    }

    private ImportRun NewRun(PortalUser user, ImportRunKind kind) => new()
    {
        PracticeId = user.PracticeId,
        Kind = kind,
        Status = ImportRunStatus.Queued,
        StartedBy = user.Name,
        StartedByEmail = user.Email,
        CreatedAt = time.GetUtcNow().UtcDateTime,
        Phase = "Waiting to start",
    };

    /// <summary>One run at a time per practice: a start while one is queued or running is refused, never doubled.</summary>
    private async Task<Result<int>> QueueAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var active = await db.Set<ImportRun>()
                .Where(r => r.PracticeId == run.PracticeId && (r.Status == ImportRunStatus.Queued || r.Status == ImportRunStatus.Running))
                .Select(r => (int?)r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (active is { } runningId)
            {
                return new ImportAlreadyRunningError(runningId);
            }

            db.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await progress.PublishAsync(ImportProgressSnapshot.From(run));
        queue.Wake();
        return run.Id;
    }

    /// <summary>The dry run the Confirm step shows: exactly what the import would do now, without doing it.</summary>
    public async Task<Result<ImportPreview>> PreviewAsync(int fetchRunId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var fetch = await db.Set<ImportRun>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == fetchRunId && r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Fetch, cancellationToken);
        if (fetch is null)
        {
            return new ImportRunNotFoundError(fetchRunId);
        }

        var (staff, clients) = await SelectionPlanner.PlanAsync(db, fetch, cancellationToken);
        return new ImportPreview(
            ImportPlanSummary.From(staff.Select(s => s.Entry)),
            ImportPlanSummary.From(clients.Where(c => c.Staged.Kind == Portal.Core.Clients.ClientKind.Person).Select(c => c.Entry)),
            ImportPlanSummary.From(clients.Where(c => c.Staged.Kind == Portal.Core.Clients.ClientKind.Entity).Select(c => c.Entry)),
            [.. staff.Select(s => s.Entry), .. clients.Select(c => c.Entry)]);
    }

    /// <summary>The practice's latest import (not fetch), for the progress of "Confirm and import data".</summary>
    public async Task<ImportProgressSnapshot?> GetRunAsync(int runId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<ImportRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.PracticeId == user.PracticeId, cancellationToken);
        return run is null ? null : ImportProgressSnapshot.From(run);
    }

    /// <summary>Import history for the Manage page: who, when, what was selected, the outcome.</summary>
    public async Task<IReadOnlyList<ImportHistoryRow>> GetHistoryAsync(int take = 20, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ImportRun>().AsNoTracking()
            .Where(r => r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Import)
            .OrderByDescending(r => r.Id).Take(take)
            .Select(r => new ImportHistoryRow(r.Id, r.Status, r.StartedBy, r.CreatedAt, r.FinishedAt,
                r.SelectedStaff, r.SelectedClients, r.SelectedEntities, r.Created, r.Linked, r.Updated, r.Skipped, r.Error))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The per-record outcome file of an import: record, action, fields changed, reason.</summary>
    public async Task<Result<byte[]>> GetOutcomeCsvAsync(int runId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<ImportRun>().AnyAsync(r => r.Id == runId && r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Import, cancellationToken))
        {
            return new ImportRunNotFoundError(runId);
        }

        var outcomes = await db.Set<ImportOutcome>().AsNoTracking().Where(o => o.RunId == runId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return ImportOutcomeCsv.Write(outcomes);
    }

    /// <summary>The practice's latest fetch, as the Manage page shows it.</summary>
    public async Task<ImportProgressSnapshot?> GetLatestFetchAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<ImportRun>().AsNoTracking()
            .Where(r => r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Fetch)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return run is null ? null : ImportProgressSnapshot.From(run);
    }

    /// <summary>Asks a queued or running run to stop; it is recorded as Cancelled.</summary>
    public async Task<Result<bool>> CancelAsync(int runId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Set<ImportRun>()
            .Where(r => r.Id == runId && r.PracticeId == user.PracticeId && (r.Status == ImportRunStatus.Queued || r.Status == ImportRunStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), cancellationToken);
        if (updated == 0)
        {
            return new ImportRunNotFoundError(runId);
        }

        queue.Cancel(runId);
        queue.Wake();
        return true;
    }
}
