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
        await MatchStagedRecordsAsync(db, run.Id, run.PracticeId, cancellationToken);
        await FinishDeltaAsync(db, run, cancellationToken);
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
    internal static async Task MatchStagedRecordsAsync(PortalDbContext db, int fetchRunId, int practiceId, CancellationToken cancellationToken)
    {
        // A record whose XPM UUID a portal client is linked to is that client: the strongest rule, which nothing contests (a
        // linked portal client is reachable by its UUID only). Set for all of them in one statement; a re-import of a big
        // practice is almost all links, and reading them back to match them took most of its match step.
        var linked = db.Clients.Where(c => c.PracticeId == practiceId && c.XpmLink != null);
        await ImportSelection.OfferedClients(db, fetchRunId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.MatchClientId, c => linked.Where(l => l.XpmLink!.XpmUuid == c.XpmUuid).Select(l => (int?)l.Id).FirstOrDefault())
            .SetProperty(c => c.MatchKind, c => linked.Any(l => l.XpmLink!.XpmUuid == c.XpmUuid) ? ClientMatchKind.Linked : ClientMatchKind.None)
            .SetProperty(c => c.MatchReason, c => linked.Any(l => l.XpmLink!.XpmUuid == c.XpmUuid) ? ClientMatcher.LinkedReason : null),
            cancellationToken);

        // The others are matched against the unlinked portal clients. None at all (a practice's first import into an empty
        // portal): each is new, as the matcher would say, in one statement.
        var others = ImportSelection.OfferedClients(db, fetchRunId).Where(c => c.MatchKind != ClientMatchKind.Linked);
        var unlinked = db.Clients.Where(c => c.PracticeId == practiceId && c.XpmLink == null);
        if (await unlinked.AnyAsync(cancellationToken))
        {
            await MatchAsync(db, others, unlinked, practiceId, cancellationToken);
        }
        else
        {
            await others.ExecuteUpdateAsync(s => s.SetProperty(c => c.MatchReason, ClientMatcher.NoMatchReason), cancellationToken);
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
    }

    /// <summary>
    /// Only the columns the matcher reads, untracked; the matches go back by prepared updates in one transaction (tracking
    /// 20,000 staged rows and saving them took 1.9 s of the fetch, measured).
    /// </summary>
    private static async Task MatchAsync(PortalDbContext db, IQueryable<StagedClient> others, IQueryable<Client> unlinked, int practiceId, CancellationToken cancellationToken)
    {
        var staged = await others.AsNoTracking().OrderBy(c => c.Id)
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
        if (staged.Count == 0)
        {
            return;
        }

        var portalClients = await unlinked.AsNoTracking()
            .Select(c => new PortalClientSnapshot(c.Id, null, c.Kind, c.Name, c.FirstName, c.LastName, c.Email, c.Phone, c.Mobile, c.DateOfBirth))
            .ToListAsync(cancellationToken);
        var overrule = await UnlinkedMatches.LoadOverruleAsync(db, practiceId, cancellationToken);
        var matches = new ClientMatcher(portalClients).MatchAll(staged.Select(c => c.Snapshot).ToList()).Select(overrule).ToList();
        await using var writer = await StagingWriter.OpenAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await writer.UpdateManyAsync(
            staged.Select((row, i) => new StagedClient { Id = row.Id, Name = "", MatchKind = matches[i].Kind, MatchClientId = matches[i].ClientId, MatchReason = matches[i].Reason }).ToList(),
            [nameof(StagedClient.MatchKind), nameof(StagedClient.MatchClientId), nameof(StagedClient.MatchReason)],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Stages staff, then the detailed client list. A list whose reply is cut off part-way is read again from the start
    /// (<see cref="XpmListRetry"/>), after removing what the broken try staged, so nothing is counted twice.
    /// </summary>
    private async Task<Error?> FetchAsync(PortalDbContext db, ImportRun run, RunProgress live, CancellationToken cancellationToken)
    {
        await using var writer = await StagingWriter.OpenAsync(db, cancellationToken);
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
                var staged = client.ToStaged(run.Id);
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
    private static async Task FinishDeltaAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        if (run.ModifiedSince is not null)
        {
            await DeltaFetch.DropUnchangedStaffAsync(db, run.Id, run.PracticeId, cancellationToken);
        }

        await DeltaFetch.PreselectLinkedAsync(db, run.Id, cancellationToken);
    }

    /// <summary>What the review will offer, through the same selection it lists, and what was left out and why.</summary>
    private static async Task CountAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        var offered = ImportSelection.OfferedClients(db, run.Id);
        run.StaffCount = await ImportSelection.OfferedStaff(db, run.Id).CountAsync(cancellationToken);
        run.ClientCount = await offered.CountAsync(c => c.Kind == ClientKind.Person, cancellationToken);
        run.EntityCount = await offered.CountAsync(c => c.Kind == ClientKind.Entity, cancellationToken);
        var staged = db.Set<StagedClient>().Where(c => c.RunId == run.Id);
        run.DeletedLeftOut = await staged.CountAsync(c => c.IsDeleted, cancellationToken);
        run.ArchivedLeftOut = await staged.CountAsync(c => c.IsArchived && !c.IsDeleted, cancellationToken);
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
