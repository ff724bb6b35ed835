using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Identity.Web;
using Portal.Core.Identity;

namespace Portal.Web.Identity;

public static class IdentityExtensions
{
    /// <summary>
    /// Cookie sign-in, plus Entra ID (OpenID Connect) when <c>AzureAd:ClientId</c> is set and demo sign-in
    /// when <see cref="SignInModes.Demo"/>. Every page needs a signed-in user.
    /// </summary>
    public static WebApplicationBuilder AddPortalIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var modes = SignInModes.From(builder.Configuration, builder.Environment);
        services.AddSingleton(modes);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddPortalUsers(seedDemoUsers: modes.Demo);

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme);
        if (modes.EntraId)
        {
            // Registered only when configured: without a client id Identity.Web fails every request (IDW10106).
            services.AddOptions<EntraIdOptions>().BindConfiguration(EntraIdOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            authentication.AddMicrosoftIdentityWebApp(builder.Configuration.GetSection(EntraIdOptions.SectionName));
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, EntraIdSignIn.Configure);
        }
        else
        {
            authentication.AddCookie();
        }

        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(options =>
            options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme);
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            options.LoginPath = "/signin";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.Name = "portal.auth";
            options.SlidingExpiration = true;
        });
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, PortalUserRevalidation.Configure);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PortalPolicies.StaffArea, p => p.RequireRole(PortalRoles.Staff, PortalRoles.Manager))
            .AddPolicy(PortalPolicies.ManagerOnly, p => p.RequireRole(PortalRoles.Manager))
            .AddPolicy(PortalPolicies.ClientArea, p => p.RequireRole(PortalRoles.Client).RequireClaim(PortalClaimTypes.ClientId));

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingPortalAuthenticationStateProvider>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        return builder;
    }

    public static WebApplication MapPortalIdentity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SignInModes>().WarnAboutDemo)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInModes)).LogWarning(
                "Demo sign-in is on in the {Environment} environment: anyone can sign in as staff, a manager or any client. Set Auth:DemoSignIn=false unless this is a demo",
                app.Environment.EnvironmentName);
        }

        app.MapSignInEndpoints();
        return app;
    }
}
