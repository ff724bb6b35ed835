using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Web.Identity;

/// <summary>Maps an Entra ID sign-in (tenant, app roles, verified email) onto the portal's own claims.</summary>
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

    /// <summary>
    /// An email Entra ID vouches for: <c>verified_primary_email</c>, or <c>email</c> when <c>xms_edov</c> says its domain
    /// is verified by the user's tenant. Never <c>preferred_username</c> or a bare <c>email</c>: another tenant's admin
    /// can set those to anyone's address.
    /// </summary>
    public static string? VerifiedEmail(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue("verified_primary_email") is { Length: > 0 } primary)
        {
            return primary;
        }

        var domainVerified = principal.FindFirstValue("xms_edov") is "1" or "true" or "True";
        return domainVerified && principal.FindFirstValue("email") is { Length: > 0 } email ? email : null;
    }

    /// <summary>Turns a validated Entra ID token into a portal user, or the reason it may not sign in.</summary>
    public static async Task<Result<PortalUser>> MapAsync(
        ClaimsPrincipal principal, EntraIdOptions options, PortalUserDirectory directory, CancellationToken cancellationToken)
    {
        if (!options.IsAllowedTenant(principal.GetTenantId()))
        {
            return new TenantNotAllowedError();
        }

        var role = PickRole(principal);
        if (role is null)
        {
            return new UnknownRoleError();
        }

        var email = VerifiedEmail(principal);
        if (role == PortalRoles.Client && email is null)
        {
            return new NoVerifiedEmailError();
        }

        return await directory.ResolveAsync(role, email, principal.FindFirstValue("name"), cancellationToken);
    }

    public static void Configure(OpenIdConnectOptions options)
    {
        var previous = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await previous(context);
            var services = context.HttpContext.RequestServices;
            var user = await MapAsync(
                context.Principal!,
                services.GetRequiredService<IOptions<EntraIdOptions>>().Value,
                services.GetRequiredService<PortalUserDirectory>(),
                context.HttpContext.RequestAborted);
            if (!user.Succeeded)
            {
                context.Fail(user.Error!.Message);
                return;
            }

            context.Principal = PortalPrincipal.Create(user.Value!, context.Principal!.Identity!.AuthenticationType!);
        };
    }
}
