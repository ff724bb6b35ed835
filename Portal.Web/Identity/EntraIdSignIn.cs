using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Web.Identity;

/// <summary>Maps an Entra ID sign-in (app roles + verified email) onto the portal's own claims.</summary>
internal static class EntraIdSignIn
{
    /// <summary>Entra app roles arrive as "roles" claims; the highest portal role wins.</summary>
    public static string? PickRole(ClaimsPrincipal principal)
    {
        var roles = principal.Claims.Where(c => c.Type is "roles" or ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return roles.Contains(PortalRoles.Manager) ? PortalRoles.Manager
            : roles.Contains(PortalRoles.Staff) ? PortalRoles.Staff
            : roles.Contains(PortalRoles.Client) ? PortalRoles.Client
            : null;
    }

    public static void Configure(OpenIdConnectOptions options)
    {
        var previous = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await previous(context);
            var principal = context.Principal!;
            var role = PickRole(principal);
            var email = principal.FindFirstValue("email") ?? principal.FindFirstValue("preferred_username");
            var directory = context.HttpContext.RequestServices.GetRequiredService<PortalUserDirectory>();
            Result<PortalUser> user = role is null
                ? new UnknownRoleError()
                : await directory.ResolveAsync(role, email, principal.FindFirstValue("name"), context.HttpContext.RequestAborted);
            if (!user.Succeeded)
            {
                context.Fail(user.Error!.Message);
                return;
            }

            context.Principal = PortalPrincipal.Create(user.Value!, principal.Identity!.AuthenticationType!);
        };
    }
}
