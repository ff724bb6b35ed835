using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Sync;

namespace Portal.Core.Import.Plan;

/// <summary>
/// What an import will do with a fetch's selection (or a window of it), entry by entry: staff first, then clients and
/// entities. The Confirm step shows an <see cref="ImportPreview"/> of it; the import applies the same plan, built by the
/// same <see cref="SelectionPlanner"/> from the same frozen selection.
/// </summary>
internal sealed record ImportPlan(IReadOnlyList<ImportPlan.StaffPlan> Staff, IReadOnlyList<ImportPlan.ClientPlan> Clients)
{
    public int Count => Staff.Count + Clients.Count;

    /// <param name="Portal">
    /// The matched portal client as the planner read it (untracked, without its team), or null for a create. The
    /// import applies to this very instance: reading each batch's clients again cost about a second at 20,000.
    /// </param>
    /// <param name="Base">The link's last-synced values as the planner read them, for a client already linked to this record.</param>
    public sealed record ClientPlan(StagedClient Staged, XpmClientSnapshot Xpm, ImportPlanEntry Entry, Client? Portal = null, SyncBase? Base = null);

    public sealed record StaffPlan(StagedStaff Staged, ImportPlanEntry Entry);
}
