using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Sync;

namespace Portal.Core.Import.Plan;

/// <summary>
/// What an import will do with a fetch's selection, entry by entry: staff first, then clients and entities. The
/// Confirm step shows <see cref="Preview"/> of it; the import applies the same plan, built by the same
/// <see cref="SelectionPlanner"/> from the same frozen selection.
/// </summary>
internal sealed record ImportPlan(IReadOnlyList<ImportPlan.StaffPlan> Staff, IReadOnlyList<ImportPlan.ClientPlan> Clients)
{
    public int Count => Staff.Count + Clients.Count;

    /// <param name="unchangedPeople">People left out of the plan as unchanged since the last import, counted as unchanged.</param>
    /// <param name="unchangedEntities">Entities left out the same way.</param>
    public ImportPreview Preview(int unchangedPeople = 0, int unchangedEntities = 0)
    {
        var people = ImportPlanSummary.From(Clients.Where(c => c.Xpm.Kind == ClientKind.Person).Select(c => c.Entry));
        var entities = ImportPlanSummary.From(Clients.Where(c => c.Xpm.Kind == ClientKind.Entity).Select(c => c.Entry));
        return new(
            ImportPlanSummary.From(Staff.Select(s => s.Entry)),
            people with { Unchanged = people.Unchanged + unchangedPeople },
            entities with { Unchanged = entities.Unchanged + unchangedEntities },
            [.. Staff.Select(s => s.Entry), .. Clients.Select(c => c.Entry)]);
    }

    /// <param name="Portal">
    /// The matched portal client as the planner read it (untracked, without its team), or null for a create. The
    /// import applies to this very instance: reading each batch's clients again cost about a second at 20,000.
    /// </param>
    /// <param name="Base">The link's last-synced values as the planner read them, for a client already linked to this record.</param>
    public sealed record ClientPlan(StagedClient Staged, XpmClientSnapshot Xpm, ImportPlanEntry Entry, Client? Portal = null, SyncBase? Base = null);

    public sealed record StaffPlan(StagedStaff Staged, ImportPlanEntry Entry);
}
