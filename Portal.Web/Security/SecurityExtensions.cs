using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Portal.Web.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// HTTPS and HSTS outside Development, proxy awareness (loopback and <c>Security:KnownProxies</c>/<c>KnownNetworks</c>),
    /// cookies HttpOnly and (outside Development) Secure, and the security headers.
    /// </summary>
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            // Not X-Forwarded-Host: the proxy passes the original Host header, which AllowedHosts then checks.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in security.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in security.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        var development = builder.Environment.IsDevelopment();
        services.Configure<CookiePolicyOptions>(options =>
        {
            // Each cookie keeps its own SameSite (sign-in Lax, antiforgery Strict, Entra ID's correlation None).
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return builder;
    }

    /// <summary>First in the pipeline: the scheme and client address must be known before anything else reads them.</summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            WarnWithoutHttpsBaseUrl(app);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCookiePolicy();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    // Emails are written by background work, with no request to take the address from.
    private static void WarnWithoutHttpsBaseUrl(WebApplication app)
    {
        var baseUrl = app.Configuration["Portal:BaseUrl"];
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityExtensions)).LogWarning(
                "Portal:BaseUrl is not an https address ({BaseUrl}): links in emails will use the server's own address. Set it to the address users open",
                string.IsNullOrEmpty(baseUrl) ? "unset" : baseUrl);
        }
    }
}
