using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Import.Runs;

/// <summary>
/// Which node works which run, kept on the run row so several nodes can share one database. A node claims a run with a
/// lease (<see cref="ImportRun.LeaseOwner"/>, <see cref="ImportRun.LeaseExpiresAt"/>) in one conditional update, renews
/// it while it works, and a run whose lease expired (its node died) is claimed by another node and resumes.
/// </summary>
public sealed class ImportRunClaims(IDbContextFactory<PortalDbContext> contextFactory, IOptions<ImportOptions> options, TimeProvider time)
{
    private string Node => options.Value.EffectiveNodeId;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Claims the oldest run that is queued, or running under an expired (or no) lease; null when there is none. Two nodes
    /// never claim the same run: on PostgreSQL the candidate row is locked (<c>FOR UPDATE SKIP LOCKED</c>, so a second
    /// node takes the next run instead of waiting); on SQLite, whose writers are serialised, the update re-checks the lease.
    /// </summary>
    public async Task<int?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var until = now + options.Value.LeaseDuration;
        if (db.Database.IsNpgsql())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var queued = nameof(ImportRunStatus.Queued);
            var running = nameof(ImportRunStatus.Running);
            var candidate = await db.Database.SqlQuery<int>($"""
                SELECT "Id" AS "Value" FROM "ImportRun"
                WHERE "Status" IN ({queued}, {running}) AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now})
                ORDER BY "Id" LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (candidate.Count == 0)
            {
                return null;
            }

            await db.Set<ImportRun>().Where(r => r.Id == candidate[0])
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, Node).SetProperty(r => r.LeaseExpiresAt, until), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return candidate[0];
        }

        while (true)
        {
            var id = await Claimable(db, now).OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                return null;
            }

            var claimed = await Claimable(db, now).Where(r => r.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, Node).SetProperty(r => r.LeaseExpiresAt, until), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }

            // Another process claimed it between the read and the update: look again.
        }
    }

    /// <summary>
    /// Extends this node's lease on <paramref name="runId"/>. False when the lease is no longer this node's (it expired
    /// and another node took the run over): this node must stop working the run.
    /// </summary>
    public async Task<LeaseRenewal> RenewAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var until = Now + options.Value.LeaseDuration;
        var renewed = await db.Set<ImportRun>().Where(r => r.Id == runId && r.LeaseOwner == Node)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, until), cancellationToken);
        var cancelRequested = await db.Set<ImportRun>().Where(r => r.Id == runId).Select(r => r.CancelRequested).FirstOrDefaultAsync(cancellationToken);
        return new LeaseRenewal(renewed == 1, cancelRequested);
    }

    /// <summary>
    /// At start-up: the runs leased to this node's name were held by its previous process, which is gone. Expire those
    /// leases so they are claimed again now instead of after <see cref="ImportOptions.LeaseDuration"/>. Runs other nodes
    /// hold are left alone (they may be alive).
    /// </summary>
    public async Task<int> ReleaseLeasesOfPreviousProcessAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<ImportRun>()
            .Where(r => r.LeaseOwner == Node && (r.Status == ImportRunStatus.Queued || r.Status == ImportRunStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, (DateTime?)null).SetProperty(r => r.Phase, "Resuming after a restart"), cancellationToken);
    }

    private static IQueryable<ImportRun> Claimable(PortalDbContext db, DateTime now) => db.Set<ImportRun>()
        .Where(r => (r.Status == ImportRunStatus.Queued || r.Status == ImportRunStatus.Running) && (r.LeaseExpiresAt == null || r.LeaseExpiresAt < now));
}

/// <summary>What a lease renewal found: whether the lease is still this node's, and whether someone asked to cancel.</summary>
public readonly record struct LeaseRenewal(bool StillOwned, bool CancelRequested);
