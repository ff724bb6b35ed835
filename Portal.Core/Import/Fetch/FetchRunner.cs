using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.LinkedClients;
using Portal.Core.Xpm;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// "Import Data": streams staff and the detailed client list from XPM into the run's staging tables, in batches,
/// then matches the staged records against the portal once. It writes nothing to the portal's own records, so a
/// failed or restarted fetch simply starts again from an empty staging snapshot.
/// </summary>
public sealed class FetchRunner(
    IDbContextFactory<PortalDbContext> contextFactory,
    IXpmClient xpm,
    XpmListRetry listRetry,
    ImportProgress progress,
    RunFinishedNotifier notifier,
    IOptions<ImportOptions> options,
    TimeProvider time,
    ILogger<FetchRunner> logger)
{
    public async Task RunAsync(int runId, string portalBaseUrl, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (var live = new RunProgress(progress, time))
        {
            if (!await RunStepsAsync(db, runId, live, cancellationToken))
            {
                return;
            }
        }

        var run = db.Set<ImportRun>().Local.Single(r => r.Id == runId);
        await progress.PublishAsync(ImportProgressSnapshot.From(run));
        logger.LogInformation("Fetch {RunId} offers {StaffCount} staff, {ClientCount} clients, {EntityCount} entities", run.Id, run.StaffCount, run.ClientCount, run.EntityCount);
        await NotifyAsync(run, portalBaseUrl);
    }

    /// <summary>Everything up to the run's final state; false if it failed (the failure is published).</summary>
    private async Task<bool> RunStepsAsync(PortalDbContext db, int runId, RunProgress live, CancellationToken cancellationToken)
    {
        var run = await db.Set<ImportRun>().SingleAsync(r => r.Id == runId, cancellationToken);
        await StagingCleanup.RemoveAsync(db, runId, cancellationToken);
        run.Status = ImportRunStatus.Running;
        run.StartedAt = Now;
        run.Attempts++;
        run.ItemsDone = run.StaffCount = run.ClientCount = run.EntityCount = run.ArchivedLeftOut = run.DeletedLeftOut = 0;
        run.ItemsTotal = await EstimateTotalAsync(db, run, cancellationToken);
        run.ModifiedSince = await DeltaFetch.SinceAsync(db, run, options.Value.DeltaSafetyMargin, cancellationToken);
        await SaveAndPublishAsync(db, run, live, "Reading staff from Xero Practice Manager", CancellationToken.None);
        live.Start();

        if (await FetchAsync(db, run, live, cancellationToken) is { } error)
        {
            await live.DisposeAsync();
            await FailAsync(db, run, error.Message);
            return false;
        }

        await SaveAndPublishAsync(db, run, live, "Matching with the portal's clients and staff", cancellationToken);
        var rematched = await MatchStagedRecordsAsync(db, run.Id, run.PracticeId, cancellationToken);
        await FinishDeltaAsync(db, run, rematched, cancellationToken);
        await CountAsync(db, run, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            run.Status = ImportRunStatus.Succeeded;
            run.FinishedAt = Now;
            run.ItemsTotal = run.ItemsDone;
            run.Phase = "Ready to review";
            await db.SaveChangesAsync(CancellationToken.None);
            // Only the newest fetch can be imported: older staging is dead weight from here on.
            await StagingCleanup.RemoveOlderThanAsync(db, run.PracticeId, run.Id, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        return true;
    }

    /// <summary>
    /// Places every offered staged record against the portal as it is now, once, and saves the match on the row:
    /// the review shows it and the plan (the Confirm preview and the import alike) uses it. Matching the whole
    /// offer at once settles contests (two XPM clients wanting one portal client) the same way whatever is ticked.
    /// </summary>
    /// <returns>Whether it changed any staged client's match: if not, each holds the match (and tick) its staging gave it.</returns>
    internal static async Task<bool> MatchStagedRecordsAsync(PortalDbContext db, int fetchRunId, int practiceId, CancellationToken cancellationToken)
    {
        // Records linked (or, with no unlinked portal client, new) are decided as the fetch staged them (PortalLinks): only
        // a row the portal has changed since is written. A re-import of a big practice is almost all links, and a first
        // import into an empty portal all new; reading those back and matching them was most of the match step.
        var anyUnlinked = await db.Clients.AnyAsync(c => c.PracticeId == practiceId && c.XpmLink == null, cancellationToken);
        var links = db.Clients.Where(c => c.PracticeId == practiceId && c.XpmLink != null).Select(c => new { c.XpmLink!.XpmUuid, c.Id });
        // Only the rows with something to do come back: the rest (every row, in a re-import or a first import into an empty
        // portal) hold what PortalLinks.MatchOf gives them. Reading all 20,000 to compare them here took 0.2 s of the fetch.
        var rows = await (
                from staged in ImportSelection.OfferedClients(db, fetchRunId)
                join link in links on staged.XpmUuid equals link.XpmUuid into linkedTo
                from link in linkedTo.DefaultIfEmpty()
                let linkedClientId = (int?)link.Id
                where linkedClientId != null
                    ? staged.MatchKind != ClientMatchKind.Linked || staged.MatchClientId != linkedClientId || staged.MatchReason != ClientMatcher.LinkedReason
                    : anyUnlinked || staged.MatchKind != ClientMatchKind.None || staged.MatchClientId != null || staged.MatchReason != ClientMatcher.NoMatchReason
                select new { staged.Id, staged.MatchKind, staged.MatchClientId, staged.MatchReason, LinkedClientId = linkedClientId })
            .AsNoTracking().ToListAsync(cancellationToken);
        var changed = new List<StagedClient>();
        var toMatch = new List<long>();
        foreach (var row in rows)
        {
            if (PortalLinks.MatchOf(row.LinkedClientId, anyUnlinked) is not { } match)
            {
                toMatch.Add(row.Id);
            }
            else if ((row.MatchKind, row.MatchClientId, row.MatchReason) != match)
            {
                changed.Add(new StagedClient { Id = row.Id, Name = "", MatchKind = match.Kind, MatchClientId = match.ClientId, MatchReason = match.Reason });
            }
        }

        if (changed.Count > 0)
        {
            await using var writer = await StagingWriter.OpenAsync(db, cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await writer.UpdateManyAsync(changed, MatchColumns, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (toMatch.Count > 0)
        {
            await MatchAsync(db, toMatch, practiceId, cancellationToken);
        }

        var portalStaff = await db.StaffMembers.AsNoTracking().Where(s => s.PracticeId == practiceId).ToListAsync(cancellationToken);
        var stagedStaff = await ImportSelection.OfferedStaff(db, fetchRunId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var staffMatches = new StaffMatcher(portalStaff.Select(PortalStaffSnapshot.From)).MatchAll(stagedStaff.Select(s => s.ToXpmStaff()));
        for (var i = 0; i < stagedStaff.Count; i++)
        {
            (stagedStaff[i].MatchKind, stagedStaff[i].MatchStaffMemberId, stagedStaff[i].MatchReason) = (staffMatches[i].Kind, staffMatches[i].StaffMemberId, staffMatches[i].Reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is StagedClient or StagedStaff).ToList())
        {
            entry.State = EntityState.Detached;
        }

        return changed.Count > 0 || toMatch.Count > 0;
    }

    private static readonly string[] MatchColumns = [nameof(StagedClient.MatchKind), nameof(StagedClient.MatchClientId), nameof(StagedClient.MatchReason)];

    /// <summary>
    /// The matcher over staged records no link decides, against the unlinked portal clients: only the columns it reads,
    /// untracked; the matches go back by prepared updates in one transaction (tracking 20,000 staged rows and saving them
    /// took 1.9 s of the fetch, measured).
    /// </summary>
    private static async Task MatchAsync(PortalDbContext db, List<long> stagedIds, int practiceId, CancellationToken cancellationToken)
    {
        var staged = await db.Set<StagedClient>().AsNoTracking().Where(c => stagedIds.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                Snapshot = new XpmClientSnapshot
                {
                    XpmUuid = c.XpmUuid, Kind = c.Kind, Name = c.Name, FirstName = c.FirstName, LastName = c.LastName,
                    Email = c.Email, Phone = c.Phone, Mobile = c.Mobile, DateOfBirth = c.DateOfBirth,
                },
            })
            .ToListAsync(cancellationToken);
        var portalClients = await db.Clients.AsNoTracking().Where(c => c.PracticeId == practiceId && c.XpmLink == null)
            .Select(c => new PortalClientSnapshot(c.Id, null, c.Kind, c.Name, c.FirstName, c.LastName, c.Email, c.Phone, c.Mobile, c.DateOfBirth))
            .ToListAsync(cancellationToken);
        var overrule = await UnlinkedMatches.LoadOverruleAsync(db, practiceId, cancellationToken);
        var matches = new ClientMatcher(portalClients).MatchAll(staged.Select(c => c.Snapshot).ToList()).Select(overrule).ToList();
        await using var writer = await StagingWriter.OpenAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writer.UpdateManyAsync(
            staged.Select((row, i) => new StagedClient { Id = row.Id, Name = "", MatchKind = matches[i].Kind, MatchClientId = matches[i].ClientId, MatchReason = matches[i].Reason }).ToList(),
            MatchColumns,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// What decides a record's match without the matcher: a portal client linked to its XPM UUID is that client (the
    /// strongest rule, which nothing contests: a linked portal client is reachable by its UUID only); with no unlinked
    /// portal client at all, every other record is new. The fetch stages records with it, and the match step checks
    /// them against it again.
    /// </summary>
    private sealed record PortalLinks(Dictionary<Guid, int> ByUuid, bool AnyUnlinked)
    {
        /// <summary>Decides nothing: a delta reads a few clients, not worth reading every link for.</summary>
        public static readonly PortalLinks None = new([], AnyUnlinked: true);

        public static async Task<PortalLinks> LoadAsync(PortalDbContext db, int practiceId, CancellationToken cancellationToken) => new(
            await LinkedIds.ClientsAsync(db, practiceId, cancellationToken),
            await db.Clients.AnyAsync(c => c.PracticeId == practiceId && c.XpmLink == null, cancellationToken));

        /// <returns>Null: the matcher decides.</returns>
        public static (ClientMatchKind Kind, int? ClientId, string? Reason)? MatchOf(int? linkedClientId, bool anyUnlinked) =>
            linkedClientId is { } id ? (ClientMatchKind.Linked, id, ClientMatcher.LinkedReason)
            : anyUnlinked ? null
            : (ClientMatchKind.None, null, ClientMatcher.NoMatchReason);

        public StagedClient Stage(StagedClient staged)
        {
            if (MatchOf(ByUuid.TryGetValue(staged.XpmUuid, out var id) ? id : null, AnyUnlinked) is { } match)
            {
                (staged.MatchKind, staged.MatchClientId, staged.MatchReason) = match;
                // Ticked as the review will start (DeltaFetch.PreselectLinkedAsync), so a re-import does not write every row again.
                staged.IsSelected = match.Kind == ClientMatchKind.Linked;
            }

            return staged;
        }
    }

    /// <summary>
    /// Stages staff, then the detailed client list. A list whose reply is cut off part-way is read again from the start
    /// (<see cref="XpmListRetry"/>), after removing what the broken try staged, so nothing is counted twice.
    /// </summary>
    private async Task<Error?> FetchAsync(PortalDbContext db, ImportRun run, RunProgress live, CancellationToken cancellationToken)
    {
        await using var writer = await StagingWriter.OpenAsync(db, cancellationToken);
        // A full read stages clients already matched where a link (or an empty portal) decides it; the match step checks
        // them again. The links are read while the staff list and the client list's first batches come in: 0.2 s at
        // 20,000 links, before the download could start when read first.
        // A delta decides nothing by the links (PortalLinks.None): no context for them.
        await using var linksDb = run.ModifiedSince is null ? await contextFactory.CreateDbContextAsync(cancellationToken) : null;
        var links = linksDb is null ? Task.FromResult(PortalLinks.None)
            // A factory whose contexts share one connection (SQLite in memory) cannot read beside the staging's writes.
            : ReferenceEquals(linksDb.Database.GetDbConnection(), db.Database.GetDbConnection()) ? Task.FromResult(await PortalLinks.LoadAsync(db, run.PracticeId, cancellationToken))
            : PortalLinks.LoadAsync(linksDb, run.PracticeId, cancellationToken);
        try
        {
            return await FetchListsAsync(db, run, live, writer, links, cancellationToken);
        }
        finally
        {
            // Never left running on its context past this method, whatever the lists did.
            await ((Task)links).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<Error?> FetchListsAsync(PortalDbContext db, ImportRun run, RunProgress live, StagingWriter writer, Task<PortalLinks> links, CancellationToken cancellationToken)
    {
        var staffError = await listRetry.ReadAsync("staff list", async (attempt, ct) =>
        {
            if (attempt > 1)
            {
                await DiscardAsync(db, run, live, staffOnly: true, $"Reading staff from Xero Practice Manager again (try {attempt})", ct);
            }

            return await StageAsync(db, run, live, writer, await xpm.GetStaffAsync(ct), async (staff, ct2) =>
            {
                await writer.InsertAsync(staff.ToStaged(run.Id), ct2);
                run.StaffCount++;
            }, ct);
        }, cancellationToken);
        if (staffError is not null)
        {
            return staffError;
        }

        await SaveAndPublishAsync(db, run, live, "Reading clients from Xero Practice Manager", cancellationToken);
        var clientsError = await listRetry.ReadAsync("client list", async (attempt, ct) =>
        {
            if (attempt > 1)
            {
                await DiscardAsync(db, run, live, staffOnly: false, $"Reading clients from Xero Practice Manager again (try {attempt})", ct);
            }

            return await StageAsync(db, run, live, writer, await xpm.GetClientsAsync(detailed: true, run.ModifiedSince, ct), async (client, ct2) =>
            {
                var staged = (await links).Stage(client.ToStaged(run.Id));
                await writer.InsertAsync(staged, ct2);
                // XPM lists each relationship from both sides; the review and the import read it from the entity's side
                // ("Director", not "Director of"), so the person's side is not staged (two thirds of the rows at 20,000).
                foreach (var relationship in staged.Kind == ClientKind.Entity ? client.Relationships : [])
                {
                    await writer.InsertAsync(relationship.ToStaged(run.Id, client.Uuid), ct2);
                }

                run.ItemsDone++;
            }, ct);
        }, cancellationToken);
        if (clientsError is not null || run.ModifiedSince is null)
        {
            return clientsError;
        }

        try
        {
            var contacts = await StageContactChangesAsync(db, run, cancellationToken);
            return contacts.Error;
        }
        catch (XpmException exception)
        {
            return exception.Error;
        }
    }

    /// <summary>
    /// Stages one list reply as it streams in, one transaction per batch (with the run's counts, so a reload shows them);
    /// the error if XPM refused it or its reply broke part-way. Only the current batch is held, never the whole list.
    /// </summary>
    private async Task<Error?> StageAsync<T>(
        PortalDbContext db, ImportRun run, RunProgress live, StagingWriter writer, Result<XpmStream<T>> opened, Func<T, CancellationToken, Task> stage,
        CancellationToken cancellationToken)
    {
        if (!opened.Succeeded)
        {
            return opened.Error;
        }

        try
        {
            await using var stream = opened.Value!;
            await foreach (var batch in Batches(stream, options.Value.BatchSize, cancellationToken))
            {
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    try
                    {
                        foreach (var item in batch)
                        {
                            await stage(item, cancellationToken);
                        }

                        await writer.FlushAsync(cancellationToken);
                    }
                    catch
                    {
                        // Rolled back with the transaction: rows held back must not land with the next batch.
                        writer.DiscardPending();
                        throw;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                await live.UpdateAsync(run);
            }

            return null;
        }
        catch (XpmException exception)
        {
            // The reply broke mid-list (truncated or malformed XML, lost connection): what was staged is incomplete.
            return exception.Error;
        }
    }

    /// <summary>Removes what a broken try of a list staged, so the next try starts that list from nothing.</summary>
    private async Task DiscardAsync(PortalDbContext db, ImportRun run, RunProgress live, bool staffOnly, string phase, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not ImportRun).ToList())
        {
            entry.State = EntityState.Detached;
        }

        if (staffOnly)
        {
            await db.Set<StagedStaff>().Where(s => s.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
            run.StaffCount = 0;
        }
        else
        {
            await db.Set<StagedRelationship>().Where(r => r.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<StagedClient>().Where(c => c.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
            run.ItemsDone = 0;
        }

        await SaveAndPublishAsync(db, run, live, phase, cancellationToken);
    }

    /// <summary>A delta: linked people whose own contact changed in XPM (which leaves their modified time alone) are read one by one.</summary>
    private async Task<Result<bool>> StageContactChangesAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        var changed = await DeltaFetch.ClientsWithChangedContactsAsync(db, xpm, run.Id, run.PracticeId, cancellationToken);
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }

        foreach (var uuid in changed.Value!)
        {
            var client = await xpm.GetClientAsync(uuid, cancellationToken);
            if (!client.Succeeded)
            {
                return client.Error!;
            }

            var record = client.Value!;
            var staged = record.ToStaged(run.Id);
            db.Add(staged);
            db.AddRange((staged.Kind == ClientKind.Entity ? record.Relationships : []).Select(r => r.ToStaged(run.Id, uuid)));
            run.ItemsDone++;
        }

        await SaveBatchAsync(db, run, cancellationToken);
        return true;
    }

    /// <summary>Linked records start ticked; a delta also drops linked staff that did not change.</summary>
    /// <param name="rematched">Whether the match step changed any client's match. If not, every client holds the match its
    /// staging's links decided and the tick that goes with it (<see cref="PortalLinks.Stage"/>): the clients' pass over the
    /// whole fetch to tick them would find nothing (0.05 s at 20,000 clients), so only the staff are ticked.</param>
    private static async Task FinishDeltaAsync(PortalDbContext db, ImportRun run, bool rematched, CancellationToken cancellationToken)
    {
        if (run.ModifiedSince is not null)
        {
            await DeltaFetch.DropUnchangedStaffAsync(db, run.Id, run.PracticeId, cancellationToken);
        }

        await DeltaFetch.PreselectLinkedAsync(db, run.Id, clients: rematched, cancellationToken);
    }

    /// <summary>What the review will offer, through the same selection it lists, and what was left out and why.</summary>
    private static async Task CountAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        run.StaffCount = await ImportSelection.OfferedStaff(db, run.Id).CountAsync(cancellationToken);
        // One grouped pass over the run's staged clients (four counts scanned them four times, two grouped ones twice), split
        // here as ImportSelection.OfferedClients splits them: neither archived nor deleted is offered.
        var groups = await db.Set<StagedClient>().Where(c => c.RunId == run.Id).GroupBy(c => new { c.Kind, c.IsArchived, c.IsDeleted })
            .Select(g => new { g.Key.Kind, g.Key.IsArchived, g.Key.IsDeleted, Count = g.Count() }).ToListAsync(cancellationToken);
        run.ClientCount = groups.Where(g => !g.IsArchived && !g.IsDeleted && g.Kind == ClientKind.Person).Sum(g => g.Count);
        run.EntityCount = groups.Where(g => !g.IsArchived && !g.IsDeleted && g.Kind == ClientKind.Entity).Sum(g => g.Count);
        run.DeletedLeftOut = groups.Where(g => g.IsDeleted).Sum(g => g.Count);
        run.ArchivedLeftOut = groups.Where(g => g.IsArchived && !g.IsDeleted).Sum(g => g.Count);
    }

    private async Task SaveBatchAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        // Keep only the run tracked: memory stays flat however big the practice.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not ImportRun).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task FailAsync(PortalDbContext db, ImportRun run, string error)
    {
        db.ChangeTracker.Clear();
        await StagingCleanup.RemoveAsync(db, run.Id, CancellationToken.None);
        db.Attach(run);
        run.Status = ImportRunStatus.Failed;
        run.FinishedAt = Now;
        run.Error = ImportText.Sentence(error);
        run.Phase = "Failed";
        await db.SaveChangesAsync(CancellationToken.None);
        await progress.PublishAsync(ImportProgressSnapshot.From(run));
        logger.LogWarning("Fetch {RunId} failed: {Error}", run.Id, error);
    }

    private static async Task SaveAndPublishAsync(PortalDbContext db, ImportRun run, RunProgress live, string phase, CancellationToken cancellationToken)
    {
        run.Phase = phase;
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(run);
    }

    private Task NotifyAsync(ImportRun run, string portalBaseUrl) => notifier.RunFinishedAsync(
        run,
        "Your Xero Practice Manager data is ready to review",
        $"The data you asked for from Xero Practice Manager is ready: {FetchSummary.Offered(run)}.{FetchSummary.LeftOut(run)}{FetchSummary.Delta(run)}",
        "Review and import data",
        $"{portalBaseUrl.TrimEnd('/')}/configure/integrations/xpm");

    /// <summary>XPM's list gives no total, so the last successful fetch's client count stands in for the ETA.</summary>
    private static Task<int?> EstimateTotalAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken) =>
        db.Set<ImportRun>().AsNoTracking()
            .Where(r => r.PracticeId == run.PracticeId && r.Kind == ImportRunKind.Fetch && r.Status == ImportRunStatus.Succeeded && r.Id != run.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => (int?)(r.ClientCount + r.EntityCount + r.ArchivedLeftOut + r.DeletedLeftOut))
            .FirstOrDefaultAsync(cancellationToken);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The list in batches, read one batch ahead (<see cref="ReadAhead"/>): the next batch is downloaded and parsed while
    /// this one is staged.
    /// </summary>
    private static IAsyncEnumerable<T[]> Batches<T>(IAsyncEnumerable<T> items, int size, CancellationToken cancellationToken) =>
        ReadAhead.Of(items.Chunk(size), cancellationToken);
}
