using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Plan;

/// <summary>
/// Plans a fetch's selection against the portal as it is now. The Confirm step's preview and the import run both
/// call this, so what the user was shown is what happens.
/// </summary>
internal static class SelectionPlanner
{
    public sealed record ClientPlan(StagedClient Staged, XpmClientSnapshot Xpm, ImportPlanEntry Entry);

    public sealed record StaffPlan(StagedStaff Staged, ImportPlanEntry Entry);

    public static async Task<(IReadOnlyList<StaffPlan> Staff, IReadOnlyList<ClientPlan> Clients)> PlanAsync(
        PortalDbContext db, ImportRun fetch, CancellationToken cancellationToken)
    {
        var portalStaff = await db.StaffMembers.AsNoTracking().Where(s => s.PracticeId == fetch.PracticeId).ToListAsync(cancellationToken);
        var staffById = portalStaff.ToDictionary(s => s.Id);
        var stagedStaff = await db.Set<StagedStaff>().AsNoTracking().Where(s => s.RunId == fetch.Id && s.IsSelected).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var staffMatches = new StaffMatcher(portalStaff.Select(PortalStaffSnapshot.From)).MatchAll(stagedStaff.Select(s => s.ToXpmStaff()));
        var staffPlans = stagedStaff.Select((s, i) => new StaffPlan(s, RecordPlanner.PlanStaff(
            s.ToXpmStaff(), staffMatches[i],
            staffMatches[i].StaffMemberId is { } id ? PortalStaffSnapshot.From(staffById[id]) : null))).ToList();

        var portalClients = await db.Clients.AsNoTracking().Where(c => c.PracticeId == fetch.PracticeId).ToListAsync(cancellationToken);
        var clientsById = portalClients.ToDictionary(c => c.Id);
        var staged = await db.Set<StagedClient>().AsNoTracking()
            .Where(c => c.RunId == fetch.Id && c.IsSelected && !c.IsArchived && !c.IsDeleted)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var snapshots = staged.Select(c => c.ToSnapshot()).ToList();
        var matches = new ClientMatcher(portalClients.Select(PortalClientSnapshot.From)).MatchAll(snapshots);
        var clientPlans = staged.Select((c, i) => new ClientPlan(c, snapshots[i], RecordPlanner.Plan(
            snapshots[i], matches[i],
            matches[i].ClientId is { } id ? PortalClientValues.From(clientsById[id]) : null,
            fetch.DetailLevel, c.Suggestion))).ToList();
        return (staffPlans, clientPlans);
    }
}
