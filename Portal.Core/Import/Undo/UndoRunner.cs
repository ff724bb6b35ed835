using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Sync;

namespace Portal.Core.Import.Undo;

/// <summary>
/// Takes back what an import run did, from what it recorded: its <see cref="ImportOutcome"/> rows (which portal record,
/// and the record as it was before, <see cref="RecordBefore"/>) and its <see cref="AuditEntry"/> rows (which fields it
/// changed). Those rows are committed with each batch the import applied, so this works as well for an import that
/// was killed mid-way as for one that finished.
/// <list type="bullet">
/// <item>A client the import created is removed (with its team, relationships and conflicts); if it has been edited
/// since, it is archived and unlinked instead, so nothing anyone did to it is lost.</item>
/// <item>A client the import linked or updated gets back each field the import changed, unless that field has been
/// edited since (kept, and listed); its link goes back to what it was (removed, if the import made it) and its team too.</item>
/// <item>A staff member the import created is removed unless a client's team still names them.</item>
/// </list>
/// Like the import, it works in batches, one transaction each, writing its own outcome rows: a resumed undo skips the
/// records it has already done and counts them back.
/// </summary>
public sealed class UndoRunner(
    IDbContextFactory<PortalDbContext> contextFactory,
    ImportProgress progress,
    RunFinishedNotifier notifier,
    IOptions<ImportOptions> options,
    TimeProvider time,
    ILogger<UndoRunner> logger)
{
    private const string StaffRecordType = "Staff";

    public async Task RunAsync(int runId, string portalBaseUrl, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<ImportRun>().SingleAsync(r => r.Id == runId, cancellationToken);
        var target = await db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == run.UndoOfRunId, cancellationToken);
        run.Status = ImportRunStatus.Running;
        run.StartedAt = Now;
        run.Attempts++;
        var done = await CountDoneAsync(db, run, cancellationToken);
        var targets = await db.Set<ImportOutcome>().AsNoTracking()
            .Where(o => o.RunId == target.Id && o.PortalRecordId != null)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        // Clients first: a staff member the import created can only go once no restored team names them.
        targets = targets.OrderBy(o => o.RecordType == StaffRecordType).ThenBy(o => o.Id).ToList();
        run.ItemsTotal = targets.Count;
        var createdClients = targets.Where(o => o.Action == ImportAction.Create && o.RecordType != StaffRecordType)
            .Select(o => o.PortalRecordId!.Value).ToHashSet();
        await PublishAsync(db, run, run.Attempts > 1 ? "Resuming the undo" : "Undoing the import", cancellationToken);

        foreach (var batch in targets.Where(o => !done.Contains((o.RecordType, o.XpmUuid))).Chunk(options.Value.BatchSize))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var clientIds = batch.Where(o => o.RecordType != StaffRecordType).Select(o => o.PortalRecordId!.Value).ToList();
            var changes = await ClientChangesAsync(db, target.Id, run.Id, clientIds, cancellationToken);
            foreach (var outcome in batch)
            {
                if (outcome.RecordType == StaffRecordType)
                {
                    // The clients' removals and teams put back count when deciding whether a staff member can go.
                    await db.SaveChangesAsync(cancellationToken);
                }

                var undone = outcome.RecordType == StaffRecordType
                    ? await UndoStaffAsync(db, outcome, cancellationToken)
                    : await UndoClientAsync(db, run, outcome, changes[outcome.PortalRecordId!.Value], createdClients, cancellationToken);
                Count(run, undone.Action);
                db.Add(new ImportOutcome
                {
                    RunId = run.Id,
                    XpmUuid = outcome.XpmUuid,
                    RecordType = outcome.RecordType,
                    Name = outcome.Name,
                    Action = undone.Action,
                    FieldsChanged = undone.Fields,
                    Reason = undone.Reason,
                    PortalRecordId = outcome.PortalRecordId,
                });
            }

            run.ItemsDone += batch.Length;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.Attach(run);
            await PublishAsync(db, run, "Undoing the import", cancellationToken);
        }

        run.Status = ImportRunStatus.Succeeded;
        run.FinishedAt = Now;
        run.Phase = "Undone";
        await db.SaveChangesAsync(CancellationToken.None);
        await progress.PublishAsync(ImportProgressSnapshot.From(run));
        logger.LogInformation("Undo {RunId} of import {TargetId}: {Removed} removed, {Reverted} reverted, {Archived} archived, {Kept} kept",
            run.Id, target.Id, run.Removed, run.Updated, run.Archived, run.Skipped);
        await notifier.RunFinishedAsync(
            run,
            "An import from Xero Practice Manager has been undone",
            $"The undo of import {target.Id} has finished: {run.Removed} removed, {run.Updated} put back, {run.Archived} archived instead of removed, {run.Skipped} kept because they were edited since.",
            "View your clients",
            $"{portalBaseUrl.TrimEnd('/')}/clients");
    }

    /// <summary>Counts back what earlier attempts of this undo did (from its outcome rows) and returns the records they cover.</summary>
    private static async Task<HashSet<(string, Guid)>> CountDoneAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        var outcomes = await db.Set<ImportOutcome>().AsNoTracking().Where(o => o.RunId == run.Id)
            .Select(o => new { o.RecordType, o.XpmUuid, o.Action }).ToListAsync(cancellationToken);
        run.Removed = run.Updated = run.Archived = run.Skipped = 0;
        outcomes.ForEach(o => Count(run, o.Action));
        run.ItemsDone = outcomes.Count;
        return outcomes.Select(o => (o.RecordType, o.XpmUuid)).ToHashSet();
    }

    /// <summary>Per client: the import's own audit rows, and the fields (with when and by whom) edited by anyone else after them.</summary>
    private static async Task<Dictionary<int, ClientChanges>> ClientChangesAsync(PortalDbContext db, int targetId, int undoId, List<int> clientIds, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RecordType == "Client" && clientIds.Contains(a.RecordId))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return clientIds.Distinct().ToDictionary(id => id, id =>
        {
            var mine = entries.Where(a => a.RecordId == id && a.RunId == targetId).ToList();
            var first = mine.Count == 0 ? long.MaxValue : mine.Min(a => a.Id);
            var later = entries.Where(a => a.RecordId == id && a.Id > first && a.RunId != targetId && a.RunId != undoId).ToList();
            return new ClientChanges(mine, later);
        });
    }

    private async Task<Undone> UndoClientAsync(PortalDbContext db, ImportRun run, ImportOutcome outcome, ClientChanges changes, HashSet<int> createdClients, CancellationToken cancellationToken)
    {
        var id = outcome.PortalRecordId!.Value;
        var client = await db.Clients.Include(c => c.Team).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return new Undone(ImportAction.Kept, null, "No longer in the portal.");
        }

        if (outcome.Action == ImportAction.Create)
        {
            return await UndoCreateAsync(db, run, client, changes, createdClients, cancellationToken);
        }

        var before = RecordBefore.Parse(outcome.BeforeJson);
        if (before?.Client is null)
        {
            // The import keeps no before-image of a record it did not write to (fields, link and team all as they were).
            return outcome.Action == ImportAction.Unchanged
                ? new Undone(ImportAction.Unchanged, null, "Nothing to undo.")
                : new Undone(ImportAction.Kept, null, "What the record was before the import was not recorded.");
        }

        var restored = new List<string>();
        var kept = new List<string>();
        foreach (var entry in changes.Mine.Where(e => Enum.TryParse<ImportField>(e.Field, out _)))
        {
            var field = Enum.Parse<ImportField>(entry.Field);
            var since = changes.Later.FirstOrDefault(l => l.Field == entry.Field && l.Id > entry.Id);
            if (since is not null)
            {
                kept.Add($"{ImportFields.Label(field)} (changed by {since.ChangedBy} on {since.ChangedAt:d MMM yyyy HH:mm} UTC)");
                continue;
            }

            var now = PortalClientValues.From(client);
            SyncFields.WriteTo(client, before.Client, field);
            restored.Add($"{ImportFields.Label(field)}: {SyncFields.Display(now, field) ?? "(blank)"} → {SyncFields.Display(before.Client, field) ?? "(blank)"}");
            db.AuditEntries.Add(Audit(run, client.Id, entry.Field, SyncFields.Display(now, field), SyncFields.Display(before.Client, field)));
        }

        if (kept.Count == 0)
        {
            client.Kind = before.Kind;
            client.UpdatedAt = before.UpdatedAt;
        }

        var linkChanged = RestoreLink(client, before.Link, keepPending: kept.Count > 0);
        if (linkChanged && before.Link is null)
        {
            restored.Add("XPM link removed");
            await db.Set<SyncConflict>().Where(c => c.ClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
            db.AuditEntries.Add(Audit(run, client.Id, "XPM link", outcome.XpmUuid.ToString(), null));
        }

        if (RestoreTeam(db, client, before.Team))
        {
            restored.Add("Team put back");
        }

        await db.Set<SyncConflict>().Where(c => c.ClientId == client.Id && c.RunId == outcome.RunId && c.ResolvedAt == null).ExecuteDeleteAsync(cancellationToken);
        var fields = restored.Count == 0 ? null : string.Join("; ", restored);
        return kept.Count > 0
            ? new Undone(ImportAction.Kept, fields, $"Edited since the import, so kept as it is: {string.Join(", ", kept)}.")
            : new Undone(restored.Count == 0 && !linkChanged ? ImportAction.Unchanged : ImportAction.Reverted, fields, restored.Count == 0 && !linkChanged ? "Nothing to undo." : "Put back as it was before the import.");
    }

    private async Task<Undone> UndoCreateAsync(PortalDbContext db, ImportRun run, Client client, ClientChanges changes, HashSet<int> createdClients, CancellationToken cancellationToken)
    {
        // Relationships to clients the same import created go with them; one to any other client means something depends on it.
        var related = await db.Relationships.AsNoTracking()
            .Where(r => r.EntityId == client.Id || r.RelatedClientId == client.Id)
            .Select(r => r.EntityId == client.Id ? r.RelatedClientId : r.EntityId)
            .ToListAsync(cancellationToken);
        var dependsOn = related.Where(other => !createdClients.Contains(other)).Distinct().ToList();
        if (changes.Later.Count == 0 && dependsOn.Count == 0)
        {
            await db.Set<SyncConflict>().Where(c => c.ClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Relationships.Where(r => r.EntityId == client.Id || r.RelatedClientId == client.Id).ExecuteDeleteAsync(cancellationToken);
            db.Clients.Remove(client);
            db.AuditEntries.Add(Audit(run, client.Id, "Removed", client.Name, null));
            return new Undone(ImportAction.Removed, null, "Created by the import: removed.");
        }

        client.IsArchived = true;
        client.XpmLink = null;
        db.AuditEntries.Add(Audit(run, client.Id, "Archived", "No", "Yes (undo)"));
        var why = changes.Later.Count > 0
            ? $"edited since the import ({string.Join(", ", changes.Later.Select(l => l.Field).Distinct())})"
            : "related to clients the import did not create";
        return new Undone(ImportAction.Archived, null, $"Created by the import but {why}: archived and unlinked instead of removed.");
    }

    private static async Task<Undone> UndoStaffAsync(PortalDbContext db, ImportOutcome outcome, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == outcome.PortalRecordId, cancellationToken);
        if (member is null)
        {
            return new Undone(ImportAction.Kept, null, "No longer in the portal.");
        }

        if (outcome.Action == ImportAction.Create)
        {
            if (member.PortalRole is not null || await db.TeamMembers.AnyAsync(t => t.StaffMemberId == member.Id, cancellationToken))
            {
                member.XpmLink = null;
                return new Undone(ImportAction.Kept, null, "Created by the import but now signs in to the portal or is on a client's team: kept, unlinked.");
            }

            db.StaffMembers.Remove(member);
            return new Undone(ImportAction.Removed, null, "Created by the import: removed.");
        }

        if (RecordBefore.Parse(outcome.BeforeJson) is not { Staff: { } staff } before)
        {
            return new Undone(ImportAction.Kept, null, "What the record was before the import was not recorded.");
        }

        var changed = (member.Name, member.Email, member.Phone, member.Mobile) != (staff.Name, staff.Email, staff.Phone, staff.Mobile);
        (member.Name, member.Email, member.Phone, member.Mobile) = (staff.Name, staff.Email, staff.Phone, staff.Mobile);
        changed |= RestoreLink(member, before.Link);
        return changed ? new Undone(ImportAction.Reverted, null, "Put back as it was before the import.") : new Undone(ImportAction.Unchanged, null, "Nothing to undo.");
    }

    /// <returns>Whether the link changed.</returns>
    private static bool RestoreLink(Client client, RecordBefore.LinkBefore? before, bool keepPending)
    {
        var now = RecordBefore.LinkBefore.Of(client.XpmLink);
        if (before is not null && keepPending && now is not null)
        {
            // A field kept because it was edited since stays pending, as that edit made it.
            before = before with { PendingSyncFields = now.PendingSyncFields };
        }

        if (now == before)
        {
            return false;
        }

        client.XpmLink = before?.ApplyTo(client.XpmLink);
        return true;
    }

    private static bool RestoreLink(Staff.StaffMember member, RecordBefore.LinkBefore? before)
    {
        if (RecordBefore.LinkBefore.Of(member.XpmLink) == before)
        {
            return false;
        }

        member.XpmLink = before?.ApplyTo(member.XpmLink);
        return true;
    }

    /// <returns>Whether the team changed.</returns>
    private static bool RestoreTeam(PortalDbContext db, Client client, List<RecordBefore.TeamBefore> before)
    {
        var now = client.Team.Select(t => new RecordBefore.TeamBefore(t.StaffMemberId, t.Role)).ToHashSet();
        if (now.SetEquals(before))
        {
            return false;
        }

        db.TeamMembers.RemoveRange(client.Team);
        db.TeamMembers.AddRange(before.Select(t => new TeamMember { ClientId = client.Id, StaffMemberId = t.StaffMemberId, Role = t.Role }));
        return true;
    }

    private AuditEntry Audit(ImportRun run, int clientId, string field, string? oldValue, string? newValue) => new()
    {
        PracticeId = run.PracticeId,
        RecordType = "Client",
        RecordId = clientId,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
        Source = AuditSource.Undo,
        RunId = run.Id,
        ChangedBy = run.StartedBy,
        ChangedAt = Now,
    };

    private static void Count(ImportRun run, ImportAction action)
    {
        switch (action)
        {
            case ImportAction.Removed: run.Removed++; break;
            case ImportAction.Reverted: run.Updated++; break;
            case ImportAction.Archived: run.Archived++; break;
            case ImportAction.Kept: run.Skipped++; break;
        }
    }

    private async Task PublishAsync(PortalDbContext db, ImportRun run, string phase, CancellationToken cancellationToken)
    {
        run.Phase = phase;
        await db.SaveChangesAsync(cancellationToken);
        await progress.PublishAsync(ImportProgressSnapshot.From(run));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private sealed record ClientChanges(List<AuditEntry> Mine, List<AuditEntry> Later);

    private sealed record Undone(ImportAction Action, string? Fields, string Reason);
}
