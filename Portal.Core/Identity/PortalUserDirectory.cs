using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Data;

namespace Portal.Core.Identity;

/// <summary>Turns a signed-in identity (demo or Entra ID) into the <see cref="PortalUser"/> the portal works with.</summary>
public sealed class PortalUserDirectory(IDbContextFactory<PortalDbContext> contextFactory)
{
    /// <summary>Resolves a user from their role and verified email. A client is found by email; staff may have no staff record.</summary>
    public async Task<Result<PortalUser>> ResolveAsync(string role, string? email, string? displayName, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var practiceId = await db.Practices.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(cancellationToken);
        var normalised = email?.Trim().ToLowerInvariant();
        switch (role)
        {
            case PortalRoles.Client:
                if (string.IsNullOrEmpty(normalised))
                {
                    return new NoClientWithEmailError("(none)");
                }

                var clients = await db.Clients.AsNoTracking()
                    .Where(c => c.PracticeId == practiceId && !c.IsArchived && c.Email != null && c.Email.ToLower() == normalised)
                    .Select(c => new { c.Id, c.Name, c.Email })
                    .Take(2)
                    .ToListAsync(cancellationToken);
                return clients.Count switch
                {
                    0 => new NoClientWithEmailError(email!.Trim()),
                    > 1 => new SharedClientEmailError(email!.Trim()),
                    _ => new PortalUser(clients[0].Name, clients[0].Email, PortalRoles.Client, practiceId, null, clients[0].Id)
                    {
                        SecurityStamp = ClientStamp(clients[0].Id, clients[0].Email),
                    },
                };

            case PortalRoles.Staff or PortalRoles.Manager:
                var staff = string.IsNullOrEmpty(normalised)
                    ? null
                    : await db.StaffMembers.AsNoTracking()
                        .Where(s => s.PracticeId == practiceId && s.Email != null && s.Email.ToLower() == normalised)
                        .Select(s => new { s.Id, s.Name, s.Email, s.PortalRole })
                        .FirstOrDefaultAsync(cancellationToken);
                return new PortalUser(staff?.Name ?? displayName ?? email ?? role, email, role, practiceId, staff?.Id, null)
                {
                    SecurityStamp = staff is null ? null : StaffStamp(staff.Id, staff.Email, staff.PortalRole),
                };

            default:
                return new UnknownRoleError();
        }
    }

    /// <summary>The seeded demo staff member for a role.</summary>
    public async Task<Result<PortalUser>> ResolveDemoStaffAsync(StaffRole role, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(s => s.PortalRole == role && s.Email != null && s.Email.EndsWith(DemoUsers.EmailDomain))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name, s.Email, s.PracticeId })
            .FirstOrDefaultAsync(cancellationToken);
        return staff is null
            ? new NoDemoUserError(role.ToString())
            : new PortalUser(staff.Name, staff.Email, role.ToString(), staff.PracticeId, staff.Id, null)
            {
                SecurityStamp = StaffStamp(staff.Id, staff.Email, role),
            };
    }

    /// <summary>
    /// Whether a signed-in user still matches the portal's records: a client not archived and with the same email, a
    /// staff member not removed and with the same email and portal role. Staff known only to Entra ID (no staff record)
    /// have nothing here to check. Cookies and open circuits ask this every few minutes (<c>Auth:RevalidateInterval</c>).
    /// </summary>
    public async Task<bool> IsCurrentAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (user.ClientId is { } clientId)
        {
            var client = await db.Clients.AsNoTracking()
                .Where(c => c.Id == clientId && c.PracticeId == user.PracticeId && !c.IsArchived)
                .Select(c => new { c.Id, c.Email })
                .FirstOrDefaultAsync(cancellationToken);
            return user.Role == PortalRoles.Client && client is not null && user.SecurityStamp == ClientStamp(client.Id, client.Email);
        }

        if (user.StaffMemberId is { } staffId)
        {
            var staff = await db.StaffMembers.AsNoTracking()
                .Where(s => s.Id == staffId && s.PracticeId == user.PracticeId)
                .Select(s => new { s.Id, s.Email, s.PortalRole })
                .FirstOrDefaultAsync(cancellationToken);
            return user.IsStaff && staff is not null && user.SecurityStamp == StaffStamp(staff.Id, staff.Email, staff.PortalRole);
        }

        return user.IsStaff;
    }

    private static string ClientStamp(int id, string? email) => Stamp($"client|{id}|{Normalise(email)}");

    private static string StaffStamp(int id, string? email, StaffRole? role) => Stamp($"staff|{id}|{Normalise(email)}|{role}");

    private static string? Normalise(string? email) => email?.Trim().ToLowerInvariant();

    // Short and opaque: a stamp is only ever compared, never read.
    private static string Stamp(string values) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(values)), 0, 16);
}
