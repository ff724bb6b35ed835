using Portal.Core.Data;
using Portal.Core.Import.Fetch;

namespace Portal.Core.Import.Review;

/// <summary>
/// The one definition of what a fetch offers for import and what the reviewer selected of it. The review's lists,
/// counts and ticks, the fetch's summary and matching, the Confirm step's preview and the import itself all read
/// their staged rows through here, so they can never disagree about which records are in play.
/// </summary>
internal static class ImportSelection
{
    /// <summary>Every staff member the fetch read is offered.</summary>
    public static IQueryable<StagedStaff> OfferedStaff(PortalDbContext db, int fetchRunId) =>
        db.Set<StagedStaff>().Where(s => s.RunId == fetchRunId);

    /// <summary>Archived and deleted XPM clients are staged but never offered.</summary>
    public static IQueryable<StagedClient> OfferedClients(PortalDbContext db, int fetchRunId) =>
        db.Set<StagedClient>().Where(c => c.RunId == fetchRunId && !c.IsArchived && !c.IsDeleted);

    public static IQueryable<StagedStaff> SelectedStaff(PortalDbContext db, int fetchRunId) =>
        OfferedStaff(db, fetchRunId).Where(s => s.IsSelected);

    public static IQueryable<StagedClient> SelectedClients(PortalDbContext db, int fetchRunId) =>
        OfferedClients(db, fetchRunId).Where(c => c.IsSelected);

    /// <summary>The test <see cref="SelectedClients"/> makes (kept beside it), on a staged row's flags read on their own.</summary>
    public static bool IsSelected(bool isArchived, bool isDeleted, bool isSelected) => isSelected && !isArchived && !isDeleted;
}
