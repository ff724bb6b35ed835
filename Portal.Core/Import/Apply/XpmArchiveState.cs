using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Apply;

/// <summary>
/// Archived or deleted in XPM → the linked portal client is archived (never deleted) and keeps its link, marked
/// "Archived in XPM"; restored in XPM → restored here. Applies to every linked client the fetch read, ticked or not:
/// the link already says they belong together. A client archived in the portal itself is never restored by XPM.
/// </summary>
internal static class XpmArchiveState
{
    public static async Task ApplyAsync(PortalDbContext db, ImportRun run, int fetchRunId, DateTime now, int batchSize, CancellationToken cancellationToken)
    {
        var gone = await db.Set<StagedClient>().AsNoTracking().Where(s => s.RunId == fetchRunId)
            .Select(s => new { s.XpmUuid, Gone = s.IsArchived || s.IsDeleted })
            .ToDictionaryAsync(s => s.XpmUuid, s => s.Gone, cancellationToken);
        var links = await db.Clients.AsNoTracking().Where(c => c.PracticeId == run.PracticeId && c.XpmLink != null)
            .Select(c => new { c.Id, c.XpmLink!.XpmUuid, c.XpmLink.IsArchivedInXpm })
            .ToListAsync(cancellationToken);
        var toChange = links.Where(l => gone.TryGetValue(l.XpmUuid, out var g) && g != l.IsArchivedInXpm).Select(l => l.Id).ToList();
        if (toChange.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in toChange.Chunk(batchSize))
        {
            var clients = await db.Clients.Where(c => chunk.Contains(c.Id)).ToListAsync(cancellationToken);
            foreach (var client in clients)
            {
                var archive = gone[client.XpmLink!.XpmUuid];
                if (archive && client.IsArchived)
                {
                    // Already archived in the portal itself: left as it is, and not marked, so a restore in XPM leaves it archived.
                    continue;
                }

                client.XpmLink.IsArchivedInXpm = archive;
                client.IsArchived = archive;
                client.UpdatedAt = now;
                if (archive)
                {
                    run.Archived++;
                }
                else
                {
                    run.Restored++;
                }

                db.AuditEntries.Add(new AuditEntry
                {
                    PracticeId = run.PracticeId,
                    RecordType = "Client",
                    RecordId = client.Id,
                    Field = "Archived",
                    OldValue = archive ? "No" : "Yes",
                    NewValue = archive ? "Yes (archived in XPM)" : "No (restored in XPM)",
                    Source = AuditSource.XpmImport,
                    RunId = run.Id,
                    ChangedBy = run.StartedBy,
                    ChangedAt = now,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
