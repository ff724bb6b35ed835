using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Web.Identity;

internal static class SignInEndpoints
{
    public static void MapSignInEndpoints(this WebApplication app)
    {
        var account = app.MapGroup("/account").AllowAnonymous();
        account.MapPost("/demo-signin", DemoSignInAsync);
        account.MapGet("/entra-signin", (string? returnUrl, SignInModes modes) => modes.EntraId
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.NotFound());
        account.MapPost("/signout", SignOutAsync);
    }

    private static async Task<IResult> DemoSignInAsync(
        [FromForm] string role,
        [FromForm] string? email,
        [FromForm] string? returnUrl,
        SignInModes modes,
        PortalUserDirectory directory,
        HttpContext context)
    {
        if (!modes.Demo)
        {
            return Results.NotFound();
        }

        Result<PortalUser> user = role switch
        {
            "staff" => await directory.ResolveDemoStaffAsync(StaffRole.Staff, context.RequestAborted),
            "manager" => await directory.ResolveDemoStaffAsync(StaffRole.Manager, context.RequestAborted),
            "client" when string.IsNullOrWhiteSpace(email) => new NoClientWithEmailError("(blank)"),
            "client" => await directory.ResolveAsync(PortalRoles.Client, email, null, context.RequestAborted),
            _ => new UnknownRoleError(),
        };
        if (!user.Succeeded)
        {
            var query = QueryString.Create(new Dictionary<string, string?>
            {
                ["error"] = user.Error!.Message,
                ["email"] = email,
                ["returnUrl"] = returnUrl,
            });
            return Results.Redirect("/signin" + query);
        }

        var principal = PortalPrincipal.Create(user.Value!, "Demo");
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.LocalRedirect(LocalOrHome(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, SignInModes modes)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var signedInWithEntra = modes.EntraId && context.User.Identity?.AuthenticationType != "Demo";
        return signedInWithEntra
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/signin" }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.Redirect("/signin?signedOut=true");
    }

    /// <summary>Only local paths, so a crafted link cannot bounce a user to another site.</summary>
    internal static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}
