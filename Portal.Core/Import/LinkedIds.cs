using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Import;

/// <summary>
/// Which portal record each XPM UUID is linked to, for a practice: the maps a fetch, a plan and an import look records
/// up in. Projected: a dictionary straight from the entity set would read whole records (every column, and the link).
/// </summary>
internal static class LinkedIds
{
    public static Task<Dictionary<Guid, int>> ClientsAsync(PortalDbContext db, int practiceId, CancellationToken cancellationToken) =>
        ToMapAsync(LinkedClients(db, practiceId), cancellationToken);

    /// <summary>The same for <paramref name="uuids"/> only (by the links' unique index): a few records need not read every link.</summary>
    public static Task<Dictionary<Guid, int>> ClientsAsync(PortalDbContext db, int practiceId, IReadOnlyCollection<Guid> uuids, CancellationToken cancellationToken) =>
        ToMapAsync(LinkedClients(db, practiceId).Where(c => uuids.Contains(c.XpmLink!.XpmUuid)), cancellationToken);

    public static Task<Dictionary<Guid, int>> StaffAsync(PortalDbContext db, int practiceId, CancellationToken cancellationToken) =>
        db.StaffMembers.AsNoTracking().Where(s => s.PracticeId == practiceId && s.XpmLink != null)
            .Select(s => new { s.XpmLink!.XpmUuid, s.Id }).ToDictionaryAsync(s => s.XpmUuid, s => s.Id, cancellationToken);

    private static IQueryable<Clients.Client> LinkedClients(PortalDbContext db, int practiceId) =>
        db.Clients.AsNoTracking().Where(c => c.PracticeId == practiceId && c.XpmLink != null);

    private static Task<Dictionary<Guid, int>> ToMapAsync(IQueryable<Clients.Client> clients, CancellationToken cancellationToken) =>
        clients.Select(c => new { c.XpmLink!.XpmUuid, c.Id }).ToDictionaryAsync(c => c.XpmUuid, c => c.Id, cancellationToken);
}
