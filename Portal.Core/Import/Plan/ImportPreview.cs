using Portal.Core.Clients;

namespace Portal.Core.Import.Plan;

/// <summary>The Confirm step's dry run. The import reads only staged data: it makes no XPM calls (<see cref="ImportPlanSummary.XpmCalls"/>).</summary>
/// <param name="Changes">The first <see cref="ChangesShown"/> records that write field changes, in the order the import applies them.</param>
/// <param name="ChangedCount">How many records write field changes in all.</param>
public sealed record ImportPreview(
    ImportPlanSummary Staff,
    ImportPlanSummary Clients,
    ImportPlanSummary Entities,
    IReadOnlyList<ImportPlanEntry> Changes,
    int ChangedCount)
{
    /// <summary>As many as the Confirm step lists: the preview of a big practice never holds every entry.</summary>
    public const int ChangesShown = 200;

    /// <summary>A preview built a window of the plan at a time, holding only the counts and the changes shown.</summary>
    internal sealed class Builder
    {
        private readonly List<ImportPlanEntry> _changes = [];
        private ImportPlanSummary _staff = ImportPlanSummary.Empty, _clients = ImportPlanSummary.Empty, _entities = ImportPlanSummary.Empty;
        private int _changed;

        public void Add(ImportPlan window)
        {
            _staff = _staff.Plus(ImportPlanSummary.From(window.Staff.Select(s => s.Entry)));
            _clients = _clients.Plus(ImportPlanSummary.From(window.Clients.Where(c => c.Xpm.Kind == ClientKind.Person).Select(c => c.Entry)));
            _entities = _entities.Plus(ImportPlanSummary.From(window.Clients.Where(c => c.Xpm.Kind == ClientKind.Entity).Select(c => c.Entry)));
            foreach (var entry in window.Staff.Select(s => s.Entry).Concat(window.Clients.Select(c => c.Entry)).Where(e => e.Fields.Count > 0))
            {
                _changed++;
                if (_changes.Count < ChangesShown)
                {
                    _changes.Add(entry);
                }
            }
        }

        /// <param name="unchangedPeople">People left out of the plan as unchanged since the last import, counted as unchanged.</param>
        /// <param name="unchangedEntities">Entities left out the same way.</param>
        public ImportPreview Build(int unchangedPeople, int unchangedEntities) => new(
            _staff,
            _clients with { Unchanged = _clients.Unchanged + unchangedPeople },
            _entities with { Unchanged = _entities.Unchanged + unchangedEntities },
            _changes,
            _changed);
    }
}
