using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm.Connection;

namespace Portal.Core.Import;

/// <summary>What the pages ask of the import's runs: start a fetch or an import, watch them, cancel, read the history.</summary>
public sealed class ImportService(
    IDbContextFactory<PortalDbContext> contextFactory,
    ICurrentUser currentUser,
    ImportQueue queue,
    ImportProgress progress,
    TimeProvider time)
{
    /// <summary>"Import Data": queues a fetch, unless one is already queued or running for the practice.</summary>
    public Task<Result<int>> StartFetchAsync(CancellationToken cancellationToken = default) =>
        StartFetchAsync(fullReimport: false, cancellationToken);

    /// <summary>
    /// "Import Data": after a successful import only what changed in XPM is read; <paramref name="fullReimport"/>
    /// reads every client again.
    /// </summary>
    public async Task<Result<int>> StartFetchAsync(bool fullReimport, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<XpmConnection>().AnyAsync(c => c.PracticeId == user.PracticeId && c.Status == XpmConnectionStatus.Connected, cancellationToken))
        {
            return new XpmNotConnectedError();
        }

        var run = NewRun(user, ImportRunKind.Fetch);
        run.FullReimport = fullReimport;
        return await QueueAsync(db, run, _ => Task.FromResult<Error?>(null), cancellationToken);
    }

    /// <summary>
    /// "Confirm and import data": freezes the fetch's selection and queues its import. The import run records the
    /// detail level and the counts confirmed; from now until it fails or is cancelled, the review refuses changes, and
    /// once it succeeds the fetch is never imported again. Only the newest successful fetch can be imported.
    /// </summary>
    public async Task<Result<int>> StartImportAsync(int fetchRunId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = NewRun(user, ImportRunKind.Import);
        run.FetchRunId = fetchRunId;
        return await QueueAsync(db, run, async ct =>
        {
            var fetch = await db.Set<ImportRun>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == fetchRunId && r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Fetch && r.Status == ImportRunStatus.Succeeded, ct);
            if (fetch is null)
            {
                return new ImportRunNotFoundError(fetchRunId);
            }

            if ((await ReviewGate.ReadAsync(db, fetch, ct)).WhyClosed is { } closed)
            {
                return closed;
            }

            run.DetailLevel = fetch.DetailLevel;
            run.SelectedStaff = await ImportSelection.SelectedStaff(db, fetchRunId).CountAsync(ct);
            var clients = ImportSelection.SelectedClients(db, fetchRunId);
            run.SelectedClients = await clients.CountAsync(c => c.Kind == ClientKind.Person, ct);
            run.SelectedEntities = await clients.CountAsync(c => c.Kind == ClientKind.Entity, ct);
            return null;
        }, cancellationToken);
    }

    /// <summary>How long after it an import can be undone.</summary>
    public const int UndoDays = 30;

    /// <summary>
    /// Queues the undo of an import (managers; within <see cref="UndoDays"/> days; once). A failed or cancelled import
    /// can be undone too: the undo takes back what its attempts committed.
    /// </summary>
    public async Task<Result<int>> StartUndoAsync(int importRunId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            return new UndoManagersOnlyError();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = NewRun(user, ImportRunKind.Undo);
        run.UndoOfRunId = importRunId;
        return await QueueAsync(db, run, async ct =>
        {
            var target = await db.Set<ImportRun>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == importRunId && r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Import, ct);
            if (target is null)
            {
                return new ImportRunNotFoundError(importRunId);
            }

            if (target.IsActive)
            {
                return new NothingToUndoError(importRunId);
            }

            if ((target.FinishedAt ?? target.CreatedAt) < time.GetUtcNow().UtcDateTime.AddDays(-UndoDays))
            {
                return new UndoTooLateError(UndoDays);
            }

            var undone = await db.Set<ImportRun>().AsNoTracking()
                .Where(r => r.Kind == ImportRunKind.Undo && r.UndoOfRunId == importRunId && r.Status != ImportRunStatus.Failed && r.Status != ImportRunStatus.Cancelled)
                .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            return undone is { } id ? new AlreadyUndoneError(id) : null;
        }, cancellationToken);
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

    /// <summary>
    /// One run at a time per practice: a start while one is queued or running is refused, never doubled. The check,
    /// the run's own <paramref name="precondition"/> and the insert share one (immediate) SQLite transaction; on PostgreSQL,
    /// where nodes start runs side by side, the transaction first locks the practice's row so the check holds across nodes.
    /// </summary>
    private async Task<Result<int>> QueueAsync(PortalDbContext db, ImportRun run, Func<CancellationToken, Task<Error?>> precondition, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Practices" WHERE "Id" = {run.PracticeId} FOR UPDATE""", cancellationToken);
            }

            var active = await db.Set<ImportRun>()
                .Where(r => r.PracticeId == run.PracticeId && (r.Status == ImportRunStatus.Queued || r.Status == ImportRunStatus.Running))
                .Select(r => (int?)r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (active is { } runningId)
            {
                return new ImportAlreadyRunningError(runningId);
            }

            if (await precondition(cancellationToken) is { } refused)
            {
                return refused;
            }

            db.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await progress.PublishAsync(ImportProgressSnapshot.From(run));
        queue.Wake();
        return run.Id;
    }

    /// <summary>One run of the practice, for the progress of "Confirm and import data".</summary>
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
            .Select(r => new ImportHistoryRow(r.Id, r.FetchRunId, r.Status, r.StartedBy, r.CreatedAt, r.FinishedAt,
                r.SelectedStaff, r.SelectedClients, r.SelectedEntities, r.DetailLevel, r.Created, r.Linked, r.Updated, r.Skipped, r.Error)
            {
                Undo = db.Set<ImportRun>().Where(u => u.Kind == ImportRunKind.Undo && u.UndoOfRunId == r.Id && u.Status != ImportRunStatus.Failed && u.Status != ImportRunStatus.Cancelled)
                    .OrderByDescending(u => u.Id)
                    .Select(u => new ImportHistoryRow.UndoState(u.Id, u.Status, u.Removed, u.Updated, u.Archived, u.Skipped))
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>The per-record outcome file of an import: record, action, fields changed, reason.</summary>
    public async Task<Result<byte[]>> GetOutcomeCsvAsync(int runId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<ImportRun>().AnyAsync(r => r.Id == runId && r.PracticeId == user.PracticeId && (r.Kind == ImportRunKind.Import || r.Kind == ImportRunKind.Undo), cancellationToken))
        {
            return new ImportRunNotFoundError(runId);
        }

        var outcomes = await db.Set<ImportOutcome>().AsNoTracking().Where(o => o.RunId == runId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        // A created client's values: its "Created" audit row, which the outcome row does not repeat (ImportOutcome.FieldsChanged).
        var created = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RunId == runId && a.RecordType == "Client" && a.Field == "Created" && a.Source == AuditSource.XpmImport)
            .Select(a => new { a.RecordId, a.NewValue }).ToDictionaryAsync(a => a.RecordId, a => a.NewValue, cancellationToken);
        foreach (var outcome in outcomes.Where(o => o is { Action: ImportAction.Create, FieldsChanged: null, PortalRecordId: not null } && o.RecordType != "Staff"))
        {
            outcome.FieldsChanged = created.GetValueOrDefault(outcome.PortalRecordId!.Value);
        }

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
