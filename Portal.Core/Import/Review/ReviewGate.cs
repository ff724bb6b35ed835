using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Review;

/// <summary>
/// Where a fetch's review stands, read from the run rows: its latest import (the row that freezes the selection
/// while it is queued or running, and for good once it succeeded) and the practice's newest successful fetch.
/// A failed or cancelled import leaves the review open: the user may change the selection and confirm again.
/// </summary>
internal sealed record ReviewGate(ImportRun Fetch, ImportRun? LastImport, int NewestFetchRunId)
{
    public ReviewState State => LastImport switch
    {
        { Status: ImportRunStatus.Succeeded } => ReviewState.Imported,
        { IsActive: true } => ReviewState.Importing,
        _ when NewestFetchRunId != Fetch.Id => ReviewState.Superseded,
        _ => ReviewState.Open,
    };

    /// <summary>Why the selection cannot change or be imported now; null while the review is open.</summary>
    public Error? WhyClosed => State switch
    {
        ReviewState.Importing => new SelectionFrozenError(LastImport!.Id),
        ReviewState.Imported => new AlreadyImportedError(LastImport!.Id),
        ReviewState.Superseded => new NewerFetchExistsError(NewestFetchRunId),
        _ => null,
    };

    public static async Task<ReviewGate> ReadAsync(PortalDbContext db, ImportRun fetch, CancellationToken cancellationToken)
    {
        var lastImport = await db.Set<ImportRun>().AsNoTracking()
            .Where(r => r.Kind == ImportRunKind.Import && r.FetchRunId == fetch.Id)
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var newest = await db.Set<ImportRun>().AsNoTracking()
            .Where(r => r.PracticeId == fetch.PracticeId && r.Kind == ImportRunKind.Fetch && r.Status == ImportRunStatus.Succeeded)
            .MaxAsync(r => (int?)r.Id, cancellationToken);
        return new ReviewGate(fetch, lastImport, newest ?? fetch.Id);
    }

    /// <summary>
    /// The rows of <paramref name="query"/> only while no import of the fetch freezes them. Part of the very UPDATE
    /// that changes a tick, so a change racing "Confirm and import data" is either counted in the import or refused.
    /// </summary>
    public static IQueryable<T> WhileNotFrozen<T>(IQueryable<T> query, PortalDbContext db, int fetchRunId) =>
        query.Where(_ => !db.Set<ImportRun>().Any(r => r.Kind == ImportRunKind.Import && r.FetchRunId == fetchRunId
            && (r.Status == ImportRunStatus.Queued || r.Status == ImportRunStatus.Running || r.Status == ImportRunStatus.Succeeded)));
}
