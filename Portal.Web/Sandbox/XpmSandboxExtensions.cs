using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Portal.Web.Sandbox;

public static class XpmSandboxExtensions
{
    /// <summary>Everything the sandbox serves lives under this path of the app's own host.</summary>
    public const string PathPrefix = "/sandbox/xpm";

    /// <summary>
    /// Registers the XPM sandbox when <c>XpmSandbox:Enabled</c> is true, or is unset and <c>Xpm:ApiBaseUrl</c> is empty
    /// or points at a sandbox (contains <c>/sandbox/xpm/</c>).
    /// Needs a <see cref="TimeProvider"/> in the container (tests swap in a fake one).
    /// </summary>
    public static WebApplicationBuilder AddXpmSandbox(this WebApplicationBuilder builder)
    {
        var apiBaseUrl = builder.Configuration["Xpm:ApiBaseUrl"];
        var enabled = builder.Configuration.GetValue<bool?>($"{XpmSandboxOptions.SectionName}:{nameof(XpmSandboxOptions.Enabled)}")
            ?? (string.IsNullOrWhiteSpace(apiBaseUrl) || apiBaseUrl.Contains(PathPrefix + "/", StringComparison.OrdinalIgnoreCase));
        if (!enabled)
        {
            builder.Services.AddSingleton(new SandboxAvailability(false));
            return builder;
        }

        builder.Services.AddSingleton(sp => new SandboxAvailability(true, sp.GetRequiredService<SandboxPractice>()));

        builder.Services.AddOptions<XpmSandboxOptions>()
            .BindConfiguration(XpmSandboxOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.RefreshGracePeriod >= TimeSpan.Zero && o.AuthorizationCodeLifetime > TimeSpan.Zero,
                "XpmSandbox token lifetimes must be positive.")
            .Validate(o => o.RateLimits is { PerMinute: > 0, PerDay: > 0, Concurrent: > 0, AppPerMinute: > 0 },
                "XpmSandbox:RateLimits must all be positive.")
            .Validate(o => o.Faults.RetryAfter >= TimeSpan.Zero && o.Faults.Latency >= TimeSpan.Zero && o.Faults.DetailedListLatency >= TimeSpan.Zero,
                "XpmSandbox:Faults times must not be negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SandboxTenants>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<SandboxTenants>().Primary);
        builder.Services.AddSingleton<SandboxFaults>();
        builder.Services.AddSingleton<SandboxIdentity>();
        builder.Services.AddSingleton<SandboxRateLimiter>();
        // The portal finds the sandbox through this, and reaches it over HTTP like any XPM.
        builder.Services.AddSingleton<Portal.Core.Xpm.IXpmEndpointProvider, EmbeddedXpmSandbox>();
        return builder;
    }

    /// <summary>
    /// Serves the sandbox under <see cref="PathPrefix"/>: reachable without portal sign-in, no antiforgery (machine-to-machine
    /// form posts; the consent form has its own single-use request id), and never the portal's status-code pages.
    /// </summary>
    public static WebApplication MapXpmSandbox(this WebApplication app)
    {
        if (app.Services.GetService<SandboxTenants>() is null)
        {
            return app;
        }

        var sandbox = app.MapGroup(PathPrefix)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription()
            .AddEndpointFilter((context, next) =>
            {
                if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                {
                    statusCodePages.Enabled = false;
                }

                return next(context);
            });
        sandbox.MapSandboxIdentity();
        sandbox.MapSandboxApi();
        var options = app.Services.GetRequiredService<IOptions<XpmSandboxOptions>>().Value;
        app.Logger.LogInformation("XPM sandbox serving {PracticeName} ({Clients} clients) under {PathPrefix}; client id {ClientId}",
            options.PracticeName, options.Clients, PathPrefix, options.ClientId);
        return app;
    }
}
