using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Portal.Core.Identity;

namespace Portal.Web.Identity;

/// <summary>
/// The sign-in cookie is re-checked against the portal's records every <see cref="AuthOptions.RevalidateInterval"/>
/// (as ASP.NET Core Identity's SecurityStampValidator does): a client archived or with a changed email, a staff member
/// removed or with a changed role is signed out on their next request.
/// </summary>
internal static class PortalUserRevalidation
{
    public static void Configure(CookieAuthenticationOptions options)
    {
        var previous = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await previous(context);
            if (context.Principal is not null)
            {
                await ValidateAsync(context);
            }
        };
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var interval = services.GetRequiredService<IOptions<AuthOptions>>().Value.RevalidateInterval;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued < interval)
        {
            return;
        }

        var user = PortalPrincipal.Read(context.Principal!);
        if (user is not null && await services.GetRequiredService<PortalUserDirectory>().IsCurrentAsync(user, context.HttpContext.RequestAborted))
        {
            // Re-issuing the cookie moves IssuedUtc to now: the next check is one interval later.
            context.ShouldRenew = true;
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
