using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Data;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Apply;

/// <summary>
/// Archived or deleted in XPM → the linked portal client is archived (never deleted) and keeps its link, marked
/// "Archived in XPM"; restored in XPM → restored here. Applies to every linked client the fetch read, ticked or not:
/// the link already says they belong together. A client archived in the portal itself is never restored by XPM.
/// </summary>
internal static class XpmArchiveState
{
    /// <param name="toChange">Each linked portal client whose XPM archive state differs from its link's, and whether XPM has it
    /// archived or deleted: <see cref="Plan.SelectionSplit.ArchiveChanges"/>, read with the rest of the fetch (none when XPM
    /// archived and restored nothing).</param>
    public static async Task ApplyAsync(PortalDbContext db, ImportRun run, IReadOnlyDictionary<int, bool> toChange, DateTime now, int batchSize, CancellationToken cancellationToken)
    {
        if (toChange.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in toChange.Keys.Chunk(batchSize))
        {
            var clients = await db.Clients.Where(c => chunk.Contains(c.Id)).ToListAsync(cancellationToken);
            foreach (var client in clients)
            {
                var archive = toChange[client.Id];
                if (archive && client.IsArchived)
                {
                    // Already archived in the portal itself: left as it is, and not marked, so a restore in XPM leaves it archived.
                    continue;
                }

                client.XpmLink!.IsArchivedInXpm = archive;
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
