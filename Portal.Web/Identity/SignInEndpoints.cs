using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
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
            "client" when string.IsNullOrWhiteSpace(email) => new ClientEmailRequiredError(),
            "client" when email.Length > 320 || !email.Contains('@') => new ClientEmailInvalidError(),
            "client" => await directory.ResolveAsync(PortalRoles.Client, email, null, context.RequestAborted),
            _ => new UnknownRoleError(),
        };
        if (!user.Succeeded)
        {
            var query = QueryString.Create(new Dictionary<string, string?>
            {
                ["error"] = user.Error!.Message,
                ["email"] = email?.Length > 320 ? null : email,
                ["returnUrl"] = returnUrl,
            });
            return Results.Redirect("/signin" + query);
        }

        var principal = PortalPrincipal.Create(user.Value!, "Demo");
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return Results.LocalRedirect(LocalOrHome(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, SignInModes modes, IAntiforgery antiforgery)
    {
        // The form carries no other field, so minimal APIs would not check its token: check it here, or any site could
        // sign a user out. A user already signed out (their cookie was just refused) has nothing to protect.
        if (context.User.Identity?.IsAuthenticated == true && !await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var signedInWithEntra = modes.EntraId && context.User.Identity?.AuthenticationType != "Demo";
        return signedInWithEntra
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/signin" }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.Redirect("/signin?signedOut=true");
    }

    // IsLocalUrl needs no request: one helper, used only for ASP.NET Core's local-URL rules.
    private static readonly IUrlHelper LocalUrls = new UrlHelper(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()));

    /// <summary>
    /// Only local paths (ASP.NET Core's <see cref="IUrlHelper.IsLocalUrl"/>: no scheme, no <c>//</c> or <c>/\</c>, no
    /// control characters such as the tab in <c>/\t/evil.example</c> that browsers drop), so a crafted link cannot
    /// bounce a user to another site after signing in.
    /// </summary>
    internal static string LocalOrHome(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith('/') && LocalUrls.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
