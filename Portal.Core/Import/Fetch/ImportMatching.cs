using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Import.Fetch;

/// <summary>Places a fetch's staged records against the portal's current clients and staff, for the review pages.</summary>
internal static class ImportMatching
{
    public static async Task MatchStagedAsync(PortalDbContext db, int runId, int practiceId, CancellationToken cancellationToken)
    {
        var portalClients = await db.Clients.AsNoTracking().Where(c => c.PracticeId == practiceId).ToListAsync(cancellationToken);
        var matcher = new ClientMatcher(portalClients.Select(PortalClientSnapshot.From));
        var staged = await db.Set<StagedClient>().Where(c => c.RunId == runId && !c.IsArchived && !c.IsDeleted).ToListAsync(cancellationToken);
        var matches = matcher.MatchAll(staged.Select(c => c.ToSnapshot()));
        for (var i = 0; i < staged.Count; i++)
        {
            staged[i].MatchKind = matches[i].Kind;
            staged[i].MatchClientId = matches[i].ClientId;
            staged[i].MatchReason = matches[i].Reason;
        }

        var portalStaff = await db.StaffMembers.AsNoTracking().Where(s => s.PracticeId == practiceId).ToListAsync(cancellationToken);
        var staffMatcher = new StaffMatcher(portalStaff.Select(PortalStaffSnapshot.From));
        var stagedStaff = await db.Set<StagedStaff>().Where(s => s.RunId == runId).ToListAsync(cancellationToken);
        var staffMatches = staffMatcher.MatchAll(stagedStaff.Select(s => s.ToXpmStaff()));
        for (var i = 0; i < stagedStaff.Count; i++)
        {
            stagedStaff[i].ExistingStaffMemberId = staffMatches[i].StaffMemberId;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is StagedClient or StagedStaff).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
