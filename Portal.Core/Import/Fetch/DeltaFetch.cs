using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.LinkedClients;
using Portal.Core.Sync;
using Portal.Core.Xpm;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// "Import Data" after a successful import reads only what changed: the client list with <c>modifiedsince</c> (the
/// start of the read that import applied, less <see cref="ImportOptions.DeltaSafetyMargin"/>), then the practice's contacts,
/// because a contact edit does not change its clients' modified time in XPM: a linked person whose own contact now has
/// another mobile is read again with <c>client.api/get</c>. "Full re-import" reads everything.
/// </summary>
internal static class DeltaFetch
{
    /// <summary>Null (read everything) for a full re-import, or before any import has linked a client.</summary>
    public static async Task<DateTime?> SinceAsync(PortalDbContext db, ImportRun run, TimeSpan margin, CancellationToken cancellationToken)
    {
        if (run.FullReimport || !await db.Clients.AnyAsync(c => c.PracticeId == run.PracticeId && c.XpmLink != null, cancellationToken))
        {
            return null;
        }

        // The read behind the last successful import: a later read that was never imported must not move the mark, or
        // the changes it saw would never be offered again.
        // An undone import does not count: what it brought must be offered again.
        var imported = db.Set<ImportRun>().Where(r => r.PracticeId == run.PracticeId && r.Kind == ImportRunKind.Import && r.Status == ImportRunStatus.Succeeded
            && !db.Set<ImportRun>().Any(u => u.Kind == ImportRunKind.Undo && u.UndoOfRunId == r.Id && u.Status == ImportRunStatus.Succeeded));
        var last = await db.Set<ImportRun>().AsNoTracking()
            .Where(f => f.Kind == ImportRunKind.Fetch && f.StartedAt != null && imported.Any(i => i.FetchRunId == f.Id))
            .OrderByDescending(f => f.Id)
            .Select(f => f.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);
        // A record unlinked since is unchanged in XPM, so only a full read offers it again (as new).
        if (last is null || await db.Set<UnlinkedMatch>().AnyAsync(u => u.PracticeId == run.PracticeId && u.UnlinkedAt >= last, cancellationToken))
        {
            return null;
        }

        return last - margin;
    }

    /// <summary>
    /// Linked people, not in the delta already, whose own contact (<see cref="Xpm.XpmLink.ContactUuid"/>) now has a
    /// mobile other than the one last agreed. Costs one call per 500 contacts, and one <c>get</c> per such person.
    /// </summary>
    public static async Task<Result<IReadOnlyList<Guid>>> ClientsWithChangedContactsAsync(
        PortalDbContext db, IXpmClient xpm, int runId, int practiceId, CancellationToken cancellationToken)
    {
        var staged = (await db.Set<StagedClient>().AsNoTracking().Where(s => s.RunId == runId).Select(s => s.XpmUuid).ToListAsync(cancellationToken)).ToHashSet();
        var people = await db.Clients.AsNoTracking()
            .Where(c => c.PracticeId == practiceId && c.XpmLink != null && c.XpmLink.ContactUuid != null)
            .Select(c => new { c.XpmLink!.XpmUuid, ContactUuid = c.XpmLink.ContactUuid!.Value, c.Mobile, c.XpmLink.LastSyncedValues })
            .ToListAsync(cancellationToken);
        var byContact = people.Where(p => !staged.Contains(p.XpmUuid))
            .GroupBy(p => p.ContactUuid)
            .ToDictionary(g => g.Key, g => g.Select(p =>
            {
                var @base = SyncBase.Parse(p.LastSyncedValues);
                return (p.XpmUuid, Mobile: ImportText.Clean(@base.Knows(Plan.ImportField.Mobile) ? @base.Values.Mobile : p.Mobile));
            }).ToList());
        if (byContact.Count == 0)
        {
            return Array.Empty<Guid>();
        }

        var changed = new HashSet<Guid>();
        string? token = null;
        do
        {
            var page = await xpm.GetContactsPageAsync(token, cancellationToken);
            if (!page.Succeeded)
            {
                return page.Error!;
            }

            foreach (var contact in page.Value!.Contacts.Where(c => c.Uuid is not null && !c.IsDeleted))
            {
                foreach (var (uuid, mobile) in byContact.GetValueOrDefault(contact.Uuid!.Value) ?? [])
                {
                    if (mobile != ImportText.Clean(contact.Mobile))
                    {
                        changed.Add(uuid);
                    }
                }
            }

            token = page.Value.NextPageToken;
        }
        while (token is not null);

        return changed.Order().ToList();
    }

    /// <summary>
    /// The stepper starts with every record already linked ticked, and only those: a re-import keeps them in step. Run before
    /// the review opens (no one has ticked anything yet); only rows the staging did not already tick that way are written.
    /// </summary>
    /// <param name="clients">False: the staff only (every client is already ticked as its match says).</param>
    public static async Task PreselectLinkedAsync(PortalDbContext db, int runId, bool clients, CancellationToken cancellationToken)
    {
        if (clients)
        {
            await ImportSelection.OfferedClients(db, runId).Where(c => (c.MatchKind == ClientMatchKind.Linked) != c.IsSelected)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsSelected, c => c.MatchKind == ClientMatchKind.Linked), cancellationToken);
        }

        await ImportSelection.OfferedStaff(db, runId).Where(s => s.MatchKind == StaffMatchKind.Linked)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsSelected, true), cancellationToken);
    }

    /// <summary>
    /// XPM's staff list has no change filter: in a delta, linked staff whose details equal the portal's are dropped
    /// from the staging, so a fetch with nothing changed offers nothing.
    /// </summary>
    public static async Task DropUnchangedStaffAsync(PortalDbContext db, int runId, int practiceId, CancellationToken cancellationToken)
    {
        var portal = await db.StaffMembers.AsNoTracking().Where(s => s.PracticeId == practiceId && s.XpmLink != null)
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var staged = await ImportSelection.OfferedStaff(db, runId).AsNoTracking()
            .Where(s => s.MatchKind == StaffMatchKind.Linked && s.MatchStaffMemberId != null).ToListAsync(cancellationToken);
        var unchanged = staged
            .Where(s => portal.TryGetValue(s.MatchStaffMemberId!.Value, out var member)
                && Plan.RecordPlanner.PlanStaff(s.ToXpmStaff(), new StaffMatch(s.XpmUuid, StaffMatchKind.Linked, member.Id, ""), PortalStaffSnapshot.From(member)).Action == Plan.ImportAction.Unchanged)
            .Select(s => s.Id)
            .ToList();
        foreach (var chunk in unchanged.Chunk(500))
        {
            await db.Set<StagedStaff>().Where(s => chunk.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
