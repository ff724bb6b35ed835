using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Runs;
using Portal.Core.Sync;
using Portal.Core.Xpm;

namespace Portal.Core.LinkedClients;

/// <summary>
/// Managers review how the portal's clients are linked to XPM: filter, search and page (in the database, on indexed
/// columns, so it stays fast at 20,000 clients), mark reviewed (clears "New"), unlink a wrong match, link by hand.
/// </summary>
public sealed class LinkedClientService(IDbContextFactory<PortalDbContext> contextFactory, ICurrentUser currentUser, TimeProvider time)
{
    public async Task<PagedResult<LinkedClientRow>> SearchAsync(LinkedClientQuery query, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clients = db.Clients.AsNoTracking().Where(c => c.PracticeId == user.PracticeId);
        var lastImport = await LastImportIdAsync(db, user.PracticeId, cancellationToken);
        clients = query.Filter switch
        {
            LinkedClientFilter.NewSinceReview => clients.Where(c => c.XpmLink != null && c.XpmLink.IsNew),
            LinkedClientFilter.LinkedByLastImport => clients.Where(c => c.XpmLink != null && c.XpmLink.LinkedByRunId == lastImport),
            LinkedClientFilter.UpdatedByLastImport => clients.Where(c => c.XpmLink != null && c.XpmLink.UpdatedByRunId == lastImport),
            LinkedClientFilter.PendingSync => clients.Where(c => c.XpmLink != null && c.XpmLink.PendingSyncFields != null),
            LinkedClientFilter.Conflicts => clients.Where(c => db.Set<SyncConflict>().Any(s => s.ClientId == c.Id && s.ResolvedAt == null)),
            LinkedClientFilter.ArchivedInXpm => clients.Where(c => c.XpmLink != null && c.XpmLink.IsArchivedInXpm),
            LinkedClientFilter.NotLinked => clients.Where(c => c.XpmLink == null),
            LinkedClientFilter.LastSyncedBefore => clients.Where(c => c.XpmLink != null
                && (c.XpmLink.LastSyncedAt == null || c.XpmLink.LastSyncedAt < (query.SyncedBefore ?? DateTime.MaxValue))),
            _ => clients.Where(c => c.XpmLink != null),
        };

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = $"%{query.Search.Trim()}%";
            clients = clients.Where(c => EF.Functions.Like(c.Name, term) || (c.Email != null && EF.Functions.Like(c.Email, term)));
        }

        var total = await clients.CountAsync(cancellationToken);
        var items = await clients
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(c => new LinkedClientRow(
                c.Id, c.Name, c.Email, c.Kind,
                c.XpmLink == null ? null : c.XpmLink.XpmUuid,
                c.XpmLink == null ? null : c.XpmLink.MatchReason ?? "Same XPM UUID",
                c.XpmLink == null ? null : c.XpmLink.ConfirmedBy,
                c.XpmLink == null ? null : c.XpmLink.LinkedAt,
                c.XpmLink == null ? null : c.XpmLink.LastSyncedAt,
                c.XpmLink != null && c.XpmLink.IsNew,
                c.XpmLink != null && c.XpmLink.PendingSyncFields != null,
                c.XpmLink != null && c.XpmLink.IsArchivedInXpm))
            .ToListAsync(cancellationToken);
        return new PagedResult<LinkedClientRow>(items, total, query.Page, query.PageSize);
    }

    /// <summary>The nav's count: linked clients a manager has not reviewed yet ("New").</summary>
    public async Task<int> CountNewAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Clients.CountAsync(c => c.PracticeId == user.PracticeId && c.XpmLink != null && c.XpmLink.IsNew, cancellationToken);
    }

    /// <summary>"Mark reviewed": clears the "New" badge of the given clients in one statement.</summary>
    public async Task<Result<int>> MarkReviewedAsync(IReadOnlyCollection<int> clientIds, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            return new ManagersOnlyError();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = clientIds.ToList();
        return await db.Clients
            .Where(c => c.PracticeId == user.PracticeId && ids.Contains(c.Id) && c.XpmLink != null && c.XpmLink.IsNew)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.XpmLink!.IsNew, false), cancellationToken);
    }

    /// <summary>
    /// Unlinks a wrong match: the portal client stays (its open conflicts go: they compared it with the wrong record), and
    /// the pair is remembered so the next fetch offers the XPM record as new instead of matching it here again.
    /// </summary>
    public async Task<Result<bool>> UnlinkAsync(int clientId, string? reason, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            return new ManagersOnlyError();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId && c.PracticeId == user.PracticeId, cancellationToken);
        if (client is null)
        {
            return new ClientNotFoundError(clientId);
        }

        if (client.XpmLink is not { } link)
        {
            return new NotLinkedError(clientId);
        }

        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new UnlinkedMatch
        {
            PracticeId = user.PracticeId, ClientId = clientId, XpmUuid = link.XpmUuid, Reason = Clean(reason),
            UnlinkedBy = Who(user), UnlinkedAt = now,
        });
        db.AuditEntries.Add(Audit(user, clientId, link.XpmUuid.ToString(), null, now));
        client.XpmLink = null;
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<SyncConflict>().Where(c => c.ClientId == clientId && c.ResolvedAt == null).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Links a portal client to an XPM client by hand, with the reason. The link is a link like any other: the next fetch
    /// matches the XPM record to it by UUID, and the import updates this client instead of creating one.
    /// </summary>
    public async Task<Result<bool>> LinkAsync(int clientId, Guid xpmUuid, string? reason, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            return new ManagersOnlyError();
        }

        if (Clean(reason) is not { } why)
        {
            return new LinkReasonRequiredError();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId && c.PracticeId == user.PracticeId, cancellationToken);
        if (client is null)
        {
            return new ClientNotFoundError(clientId);
        }

        if (client.XpmLink is not null)
        {
            return new AlreadyLinkedError(clientId);
        }

        var taken = await db.Clients.AsNoTracking().Where(c => c.XpmLink != null && c.XpmLink.XpmUuid == xpmUuid).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            return new XpmRecordTakenError(xpmUuid, taken);
        }

        var webUrl = await db.Set<StagedClient>().AsNoTracking().Where(s => s.XpmUuid == xpmUuid).OrderByDescending(s => s.Id)
            .Select(s => s.WebUrl).FirstOrDefaultAsync(cancellationToken);
        var now = Now;
        // No last-synced values: the next import compares every field as a first import does.
        client.XpmLink = new XpmLink
        {
            XpmUuid = xpmUuid, WebUrl = webUrl, LinkedAt = now, MatchReason = $"Linked by hand: {why}", ConfirmedBy = Who(user),
        };
        db.AuditEntries.Add(Audit(user, clientId, null, xpmUuid.ToString(), now));
        await db.Set<UnlinkedMatch>().Where(u => u.ClientId == clientId && u.XpmUuid == xpmUuid).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>XPM clients of the practice's last fetch that no portal client is linked to, for "Link by hand".</summary>
    public async Task<IReadOnlyList<StagedXpmClient>> UnlinkedXpmClientsAsync(string? search, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var fetch = await db.Set<ImportRun>().AsNoTracking()
            .Where(r => r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Fetch && r.Status == ImportRunStatus.Succeeded)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var staged = db.Set<StagedClient>().AsNoTracking()
            .Where(s => s.RunId == fetch && !s.IsDeleted && !db.Clients.Any(c => c.XpmLink != null && c.XpmLink.XpmUuid == s.XpmUuid));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = $"%{search.Trim()}%";
            staged = staged.Where(s => EF.Functions.Like(s.Name, term) || (s.Email != null && EF.Functions.Like(s.Email, term)));
        }

        return await staged.OrderBy(s => s.Name).Take(20).Select(s => new StagedXpmClient(s.XpmUuid, s.Name, s.Email)).ToListAsync(cancellationToken);
    }

    private static async Task<int?> LastImportIdAsync(PortalDbContext db, int practiceId, CancellationToken cancellationToken) =>
        await db.Set<ImportRun>().AsNoTracking()
            .Where(r => r.PracticeId == practiceId && r.Kind == ImportRunKind.Import && r.Status != ImportRunStatus.Queued)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken) ?? -1;

    private AuditEntry Audit(PortalUser user, int clientId, string? oldValue, string? newValue, DateTime now) => new()
    {
        PracticeId = user.PracticeId,
        RecordType = "Client",
        RecordId = clientId,
        Field = "XPM link",
        OldValue = oldValue,
        NewValue = newValue,
        Source = AuditSource.PortalEdit,
        ChangedBy = Who(user),
        ChangedAt = now,
    };

    private static string Who(PortalUser user) => user.Email ?? user.Name;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
