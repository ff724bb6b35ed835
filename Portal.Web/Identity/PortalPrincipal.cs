using System.Globalization;
using System.Security.Claims;
using Portal.Core.Identity;

namespace Portal.Web.Identity;

/// <summary>The one place that writes and reads the portal's claims.</summary>
public static class PortalPrincipal
{
    public static ClaimsPrincipal Create(PortalUser user, string authenticationType) =>
        new(new ClaimsIdentity(ToClaims(user), authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    public static IEnumerable<Claim> ToClaims(PortalUser user)
    {
        yield return new Claim(ClaimTypes.Name, user.Name);
        yield return new Claim(ClaimTypes.Role, user.Role);
        yield return new Claim(PortalClaimTypes.PracticeId, user.PracticeId.ToString(CultureInfo.InvariantCulture));
        if (user.Email is not null)
        {
            yield return new Claim(ClaimTypes.Email, user.Email);
        }

        if (user.StaffMemberId is { } staffId)
        {
            yield return new Claim(PortalClaimTypes.StaffMemberId, staffId.ToString(CultureInfo.InvariantCulture));
        }

        if (user.ClientId is { } clientId)
        {
            yield return new Claim(PortalClaimTypes.ClientId, clientId.ToString(CultureInfo.InvariantCulture));
        }

        if (user.SecurityStamp is not null)
        {
            yield return new Claim(PortalClaimTypes.SecurityStamp, user.SecurityStamp);
        }
    }

    public static PortalUser? Read(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !int.TryParse(principal.FindFirstValue(PortalClaimTypes.PracticeId), CultureInfo.InvariantCulture, out var practiceId))
        {
            return null;
        }

        var role = principal.IsInRole(PortalRoles.Manager) ? PortalRoles.Manager
            : principal.IsInRole(PortalRoles.Staff) ? PortalRoles.Staff
            : principal.IsInRole(PortalRoles.Client) ? PortalRoles.Client
            : null;
        if (role is null)
        {
            return null;
        }

        return new PortalUser(
            principal.Identity.Name ?? principal.FindFirstValue(ClaimTypes.Email) ?? role,
            principal.FindFirstValue(ClaimTypes.Email),
            role,
            practiceId,
            ReadInt(principal, PortalClaimTypes.StaffMemberId),
            ReadInt(principal, PortalClaimTypes.ClientId))
        {
            SecurityStamp = principal.FindFirstValue(PortalClaimTypes.SecurityStamp),
        };
    }

    private static int? ReadInt(ClaimsPrincipal principal, string type) =>
        int.TryParse(principal.FindFirstValue(type), CultureInfo.InvariantCulture, out var value) ? value : null;
}
