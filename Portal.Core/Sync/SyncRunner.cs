using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;

namespace Portal.Core.Sync;

/// <summary>
/// "Sync data to Xero Practice Manager" as a durable background run (<see cref="ImportRunKind.Sync"/>): one client at a
/// time, through the same XPM client as the import (its pacing and rate limits; POSTs and PUTs never retried blindly).
/// </summary>
/// <remarks>
/// Nothing is sent twice, even when the process is killed mid-run. XPM has no idempotency keys, so each client's write
/// goes in three commits: (1) the item is marked <see cref="SyncItemState.Sending"/> (the intent) before anything is
/// sent; (2) XPM's reply is applied to the client's link (<see cref="XpmSyncService"/>); (3) the item is marked with its
/// outcome. A run started again skips finished items, and an item still <c>Sending</c> may or may not have reached XPM,
/// so it is never simply sent again: an update first reads the client back from XPM and drops every pending field XPM
/// already holds the portal's value for (a PUT of the same value would change nothing, but it would be a second send);
/// an add first looks in XPM's list for a client of that name changed since the attempt and links to it if found.
/// Only what provably did not land is sent.
/// </remarks>
public sealed class SyncRunner(
    IDbContextFactory<PortalDbContext> contextFactory,
    XpmSyncService sync,
    ImportProgress progress,
    RunFinishedNotifier notifier,
    TimeProvider time,
    ILogger<SyncRunner> logger)
{
    public async Task RunAsync(int runId, string portalBaseUrl, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<ImportRun>().SingleAsync(r => r.Id == runId, cancellationToken);
        var changedBy = run.StartedByEmail ?? run.StartedBy;
        run.Status = ImportRunStatus.Running;
        run.StartedAt ??= Now;
        run.Attempts++;
        var items = await db.Set<SyncRunItem>().Where(i => i.RunId == runId).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        run.ItemsTotal = items.Count;
        Count(run, items);
        await PublishAsync(db, run, run.Attempts > 1 ? "Resuming the sync" : "Sending to Xero Practice Manager", CancellationToken.None);

        foreach (var item in items.Where(i => i.State is SyncItemState.Waiting or SyncItemState.Sending))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await SyncItemAsync(db, run, item, changedBy, cancellationToken);
            Count(run, items);
            await PublishAsync(db, run, $"Sent {run.ItemsDone} of {run.ItemsTotal}", CancellationToken.None);
        }

        var failed = items.Count(i => i.State == SyncItemState.Failed);
        run.Status = ImportRunStatus.Succeeded;
        run.FinishedAt = Now;
        run.Error = failed == 0 ? null : $"{failed} of {items.Count} clients were not synced; each stays pending with XPM's error on it.";
        await PublishAsync(db, run, "Synced", CancellationToken.None);
        logger.LogInformation("Sync {RunId}: {Updated} updated, {Created} created, {Failed} failed", run.Id, run.Updated, run.Created, failed);
        await notifier.RunFinishedAsync(
            run,
            "Your data has been synced to Xero Practice Manager",
            $"The sync to Xero Practice Manager has finished: {run.Updated} updated, {run.Created} created and linked, {run.Skipped - failed} had nothing left to send, {failed} failed." +
            (failed == 0 ? "" : " Clients that failed stay Pending sync, with XPM's error shown on each."),
            "View the sync",
            $"{portalBaseUrl.TrimEnd('/')}/configure/integrations/xpm");
    }

    private async Task SyncItemAsync(PortalDbContext db, ImportRun run, SyncRunItem item, string changedBy, CancellationToken cancellationToken)
    {
        if (item.State == SyncItemState.Sending && await ResolveInterruptedAsync(run, item, changedBy, cancellationToken) is { } resolved)
        {
            Finish(item, resolved.State, resolved.Fields, resolved.Error);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        // (1) The intent, committed before anything is sent.
        item.State = SyncItemState.Sending;
        item.SendingAt = Now;
        await db.SaveChangesAsync(CancellationToken.None);

        // From here a cancel (Cancel, or shutting down) waits for XPM's reply rather than abandoning the request: an
        // abandoned write may still land, and a run that is cancelled is never resumed to find out. Only a killed
        // process leaves an item Sending, and the next attempt settles it (above).
        var write = CancellationToken.None;

        if (item.Action == SyncAction.Create)
        {
            var created = await sync.CreateInXpmAsync(run.PracticeId, changedBy, item.ClientId, write);
            Finish(item, created.Succeeded ? SyncItemState.Sent : SyncItemState.Failed, null, created.Error?.Message);
        }
        else
        {
            var preview = await sync.PlanAsync(run.PracticeId, item.ClientId, write);
            if (preview is null || preview.Calls == 0)
            {
                Finish(item, SyncItemState.NothingToSend, null, null);
            }
            else
            {
                var sent = await sync.SyncClientAsync(run.PracticeId, changedBy, item.ClientId, write);
                Finish(item, sent.Succeeded ? SyncItemState.Sent : SyncItemState.Failed, Labels(preview.Fields), sent.Error?.Message);
            }
        }

        // (3) The outcome; the link already holds XPM's reply (2).
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// An item left <c>Sending</c> by an interrupted attempt: settles whatever landed in XPM. Returns the item's outcome
    /// when nothing is left to send, or null to send what did not land.
    /// </summary>
    private async Task<(SyncItemState State, string? Fields, string? Error)?> ResolveInterruptedAsync(ImportRun run, SyncRunItem item, string changedBy, CancellationToken cancellationToken)
    {
        if (item.Action == SyncAction.Create)
        {
            var found = await sync.FindAddedAsync(run.PracticeId, changedBy, item.ClientId, item.SendingAt ?? run.CreatedAt, cancellationToken);
            return found switch
            {
                { Succeeded: false } => (SyncItemState.Failed, null, $"Could not check whether it was added to XPM before the sync stopped, so it was not sent again: {found.Error!.Message}"),
                { Value: not null } => (SyncItemState.Sent, null, null),
                _ => null,
            };
        }

        var before = await sync.PlanAsync(run.PracticeId, item.ClientId, cancellationToken);
        if (await sync.ReconcileAsync(run.PracticeId, item.ClientId, cancellationToken) is { } error)
        {
            return (SyncItemState.Failed, null, $"Could not check whether the update reached XPM before the sync stopped, so it was not sent again: {error.Message}");
        }

        var after = await sync.PlanAsync(run.PracticeId, item.ClientId, cancellationToken);
        if (after is { Calls: > 0 })
        {
            return null;
        }

        return before is { Calls: > 0 } ? (SyncItemState.Sent, Labels(before.Fields), null) : (SyncItemState.NothingToSend, null, null);
    }

    private void Finish(SyncRunItem item, SyncItemState state, string? fields, string? error)
    {
        item.State = state;
        item.Fields = fields ?? item.Fields;
        item.Error = error;
        item.FinishedAt = Now;
    }

    private static string? Labels(IReadOnlyList<ImportField> fields) =>
        fields.Count == 0 ? null : string.Join(", ", fields.Select(ImportFields.Label));

    private static void Count(ImportRun run, IReadOnlyList<SyncRunItem> items)
    {
        run.Updated = items.Count(i => i is { State: SyncItemState.Sent, Action: SyncAction.Update });
        run.Created = run.Linked = items.Count(i => i is { State: SyncItemState.Sent, Action: SyncAction.Create });
        run.Skipped = items.Count(i => i.State is SyncItemState.NothingToSend or SyncItemState.Failed);
        run.ItemsDone = items.Count(i => i.State is not (SyncItemState.Waiting or SyncItemState.Sending));
    }

    private async Task PublishAsync(PortalDbContext db, ImportRun run, string phase, CancellationToken cancellationToken)
    {
        run.Phase = phase;
        await db.SaveChangesAsync(cancellationToken);
        await progress.PublishAsync(ImportProgressSnapshot.From(run));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
