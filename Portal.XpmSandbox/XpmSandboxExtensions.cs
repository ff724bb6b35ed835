using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor;
using Portal.Core.Modules;
using Portal.Core.Xpm;

namespace Portal.XpmSandbox;

public static class XpmSandboxExtensions
{
    /// <summary>Everything the emulator serves over HTTP lives under this path of the app's own host.</summary>
    public const string PathPrefix = "/sandbox/xpm";

    /// <summary>The sandbox's page: the emulated practice's clients, to change "in XPM".</summary>
    public const string PagePath = "/sandbox";

    /// <summary>
    /// Who may open the sandbox's page and give consent (standing in for signing in to Xero): a copy of the staff
    /// policy the host names in <see cref="AddXpmSandbox"/>, so the sandbox's pages can name it as a constant.
    /// </summary>
    public const string StaffPolicy = "XpmSandbox.Staff";

    /// <summary>
    /// Registers the sandbox when <see cref="IsEnabled"/>: its services, the XPM it hands the portal
    /// (<see cref="IXpmEndpointProvider"/>) and a <see cref="PortalModule"/> (its page, a nav entry and, outside
    /// Development, a banner). Off, it registers nothing, so nothing of it is served or shown.
    /// The host provides authentication, <see cref="Portal.Core.Common.IPortalAddress"/> (the app's own address) and,
    /// optionally, a <see cref="TimeProvider"/> (tests swap in a fake one).
    /// </summary>
    /// <param name="staffPolicy">The host's authorization policy for its staff; null: any signed-in user.</param>
    public static IHostApplicationBuilder AddXpmSandbox(this IHostApplicationBuilder builder, string? staffPolicy = null)
    {
        if (!IsEnabled(builder.Configuration, builder.Environment))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<XpmSandboxOptions>()
            .BindConfiguration(XpmSandboxOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero && o.RefreshGracePeriod >= TimeSpan.Zero && o.AuthorizationCodeLifetime > TimeSpan.Zero
                && o.PendingAuthorizationLifetime > TimeSpan.Zero,
                "XpmSandbox token lifetimes must be positive.")
            .Validate(o => o.RateLimits is { PerMinute: > 0, PerDay: > 0, Concurrent: > 0, AppPerMinute: > 0 },
                "XpmSandbox:RateLimits must all be positive.")
            .Validate(o => o.Faults.RetryAfter >= TimeSpan.Zero && o.Faults.Latency >= TimeSpan.Zero && o.Faults.DetailedListLatency >= TimeSpan.Zero
                && o.Faults.SlowReplyDelay >= TimeSpan.Zero,
                "XpmSandbox:Faults times must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SandboxTenants>();
        services.AddSingleton(sp => sp.GetRequiredService<SandboxTenants>().Primary);
        services.AddSingleton<SandboxFaults>();
        services.AddSingleton<SandboxWriteLog>();
        services.AddSingleton<SandboxIdentity>();
        services.AddSingleton<SandboxRedirectUris>();
        services.AddSingleton<SandboxRateLimiter>();
        // The portal finds the sandbox through this, and reaches it over HTTP like any XPM.
        services.AddSingleton<IXpmEndpointProvider, XpmSandboxEndpoints>();

        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().PostConfigure(options => options.AddPolicy(StaffPolicy,
            staffPolicy is null
                ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()
                : options.GetPolicy(staffPolicy) ?? throw new InvalidOperationException($"AddXpmSandbox: the host has no authorization policy named {staffPolicy}.")));

        services.AddSingleton(new PortalModule("XPM sandbox")
        {
            PagesAssembly = typeof(XpmSandboxExtensions).Assembly,
            NavEntries = [new PortalNavEntry("XPM sandbox", PagePath, Icons.Material.Filled.Science, StaffPolicy)],
            Notice = builder.Environment.IsDevelopment() ? null
                : "XPM sandbox on: Xero Practice Manager is emulated by this portal, not the real Xero. Set XpmSandbox:Enabled=false to turn it off.",
        });
        return builder;
    }

    /// <summary><c>XpmSandbox:Enabled</c> true: on; false: off; unset: on only in Development with no <c>Xpm:ApiBaseUrl</c>.</summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{XpmSandboxOptions.SectionName}:{nameof(XpmSandboxOptions.Enabled)}")
        ?? (environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration["Xpm:ApiBaseUrl"]));

    /// <summary>
    /// Serves the sandbox under <see cref="PathPrefix"/> when it was registered: the consent page needs
    /// <see cref="StaffPolicy"/>, the machine-to-machine endpoints no sign-in; no antiforgery (machine-to-machine form
    /// posts; the consent form has its own single-use request id), and never the portal's status-code pages.
    /// Outside Development it warns in the log that it is on.
    /// </summary>
    public static IEndpointRouteBuilder MapXpmSandbox(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<SandboxTenants>() is null)
        {
            return endpoints;
        }

        var sandbox = endpoints.MapGroup(PathPrefix)
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

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<XpmSandboxOptions>>().Value;
        var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(XpmSandboxExtensions).FullName!);
        logger.LogInformation("XPM sandbox serving {PracticeName} ({Clients} clients) under {PathPrefix}; client id {ClientId}",
            options.PracticeName, options.Clients, PathPrefix, options.ClientId);
        if (!environment.IsDevelopment())
        {
            logger.LogWarning(
                "The XPM sandbox is on in the {Environment} environment (XpmSandbox:Enabled): the portal can be connected to an emulated practice instead of Xero. Set XpmSandbox:Enabled=false to turn it off.",
                environment.EnvironmentName);
        }

        return endpoints;
    }
}
