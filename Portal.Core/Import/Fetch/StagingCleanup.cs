using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// Staged rows live only as long as a fetch can still be imported. The import history and its outcome file read the
/// run rows and <c>ImportOutcomes</c>, never staging, so a fetch's staged rows go once it has been imported, and
/// every older fetch's go once a newer fetch succeeds (only the newest can be imported).
/// </summary>
internal static class StagingCleanup
{
    public static async Task RemoveAsync(PortalDbContext db, int fetchRunId, CancellationToken cancellationToken)
    {
        await db.Set<StagedRelationship>().Where(r => r.RunId == fetchRunId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StagedClient>().Where(c => c.RunId == fetchRunId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StagedStaff>().Where(s => s.RunId == fetchRunId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Removes the staging of every fetch of the practice older than <paramref name="newestFetchRunId"/>, whatever its outcome.</summary>
    public static async Task RemoveOlderThanAsync(PortalDbContext db, int practiceId, int newestFetchRunId, CancellationToken cancellationToken)
    {
        var older = db.Set<ImportRun>().Where(r => r.PracticeId == practiceId && r.Kind == ImportRunKind.Fetch && r.Id < newestFetchRunId).Select(r => r.Id);
        await db.Set<StagedRelationship>().Where(r => older.Contains(r.RunId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StagedClient>().Where(c => older.Contains(c.RunId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StagedStaff>().Where(s => older.Contains(s.RunId)).ExecuteDeleteAsync(cancellationToken);
    }
}
