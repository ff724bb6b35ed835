using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Import.Undo;

/// <summary>The portal's clients (every column, with the link's), teams and staff as rows, for a row-level compare.</summary>
internal static class PortalRows
{
    public static async Task<string> ReadAsync(PortalDbContext db)
    {
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Id).Select(c => new
        {
            c.Id, c.Kind, c.Name, c.FirstName, c.LastName, c.BusinessStructure, c.DateOfBirth, c.Email, c.Phone, c.Mobile,
            c.PhysicalAddress, c.PostalAddress, c.IsArchived, c.CreatedAt, c.UpdatedAt, c.XpmLink,
        }).ToListAsync();
        var team = await db.TeamMembers.AsNoTracking().OrderBy(t => t.ClientId).ThenBy(t => t.Role).ThenBy(t => t.StaffMemberId)
            .Select(t => new { t.ClientId, t.StaffMemberId, t.Role }).ToListAsync();
        var staff = await db.StaffMembers.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Email, s.Phone, s.Mobile, s.PortalRole, s.XpmLink }).ToListAsync();
        var relationships = await db.Relationships.AsNoTracking().OrderBy(r => r.EntityId).ThenBy(r => r.RelatedClientId).ThenBy(r => r.Type)
            .Select(r => new { r.EntityId, r.RelatedClientId, r.Type }).ToListAsync();
        // Not part of the record: a marker that lets the next import skip a record it left unchanged. An undo (as any change)
        // clears it, so the next import plans the record again; ImportFingerprintResetTests cover it.
        foreach (var link in clients.Select(c => c.XpmLink).Concat(staff.Select(s => s.XpmLink)).OfType<Portal.Core.Xpm.XpmLink>())
        {
            link.ImportFingerprint = null;
        }

        var options = new JsonSerializerOptions { WriteIndented = true };
        return JsonSerializer.Serialize(new { clients, team, staff, relationships }, options);
    }
}
