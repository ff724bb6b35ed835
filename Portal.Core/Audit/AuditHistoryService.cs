using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Runs;

namespace Portal.Core.Audit;

/// <summary>Every change explained: a client's field changes (History tab), and the changes one run made.</summary>
public sealed class AuditHistoryService(IDbContextFactory<PortalDbContext> contextFactory, ICurrentUser currentUser)
{
    /// <summary>A client's changes, newest first.</summary>
    public async Task<IReadOnlyList<AuditHistoryRow>> ForClientAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Rows(db.AuditEntries.Where(a => a.PracticeId == user.PracticeId && a.RecordType == "Client" && a.RecordId == clientId))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<byte[]>> ClientCsvAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Clients.AnyAsync(c => c.Id == clientId && c.PracticeId == user.PracticeId, cancellationToken))
            {
                return new HistoryNotFoundError($"Client {clientId}");
            }
        }

        return AuditHistoryCsv.Write(await ForClientAsync(clientId, cancellationToken));
    }

    /// <summary>The field changes one import (or undo) run made, as CSV.</summary>
    public async Task<Result<byte[]>> RunCsvAsync(int runId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<ImportRun>().AnyAsync(r => r.Id == runId && r.PracticeId == user.PracticeId, cancellationToken))
        {
            return new HistoryNotFoundError($"Run {runId}");
        }

        var rows = await Rows(db.AuditEntries.Where(a => a.PracticeId == user.PracticeId && a.RunId == runId)).ToListAsync(cancellationToken);
        return AuditHistoryCsv.Write(rows);
    }

    private static IQueryable<AuditHistoryRow> Rows(IQueryable<AuditEntry> entries) =>
        entries.AsNoTracking().OrderByDescending(a => a.Id)
            .Select(a => new AuditHistoryRow(a.Id, a.RecordId, a.Field, a.OldValue, a.NewValue, a.Source, a.RunId, a.ChangedBy, a.ChangedAt));
}
