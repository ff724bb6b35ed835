using Microsoft.Extensions.Options;
using Portal.Core.Identity;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Connection;
using Portal.Web.Identity;

namespace Portal.Web.Xpm;

/// <summary>The browser legs of OAuth: off to Xero's authorize page, and back on the callback.</summary>
internal static class XpmConnectEndpoints
{
    public const string ManagePath = "/configure/integrations/xpm";

    public static void MapXpmConnectEndpoints(this WebApplication app)
    {
        var callbackPath = app.Services.GetRequiredService<IOptions<XpmOptions>>().Value.CallbackPath;
        app.MapGet(ManagePath + "/connect", BeginAsync).RequireAuthorization(PortalPolicies.StaffArea).WithPortalUser();
        app.MapGet(callbackPath, CompleteAsync).RequireAuthorization(PortalPolicies.StaffArea).WithPortalUser();
        app.MapGet(ManagePath + "/imports/{runId:int}/outcomes.csv", OutcomesAsync).RequireAuthorization(PortalPolicies.StaffArea).WithPortalUser();
    }

    private static async Task<IResult> BeginAsync(HttpContext context, XpmConnectionService connections, XpmEndpoints endpoints)
    {
        if (!endpoints.IsConfigured)
        {
            return Results.Redirect($"{ManagePath}?error={Uri.EscapeDataString(new XpmNotConfiguredError().Message)}");
        }

        var redirectUri = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{endpoints.CallbackPath}";
        var authorize = await connections.BeginAsync(redirectUri, context.RequestAborted);
        return authorize.Succeeded
            ? Results.Redirect(authorize.Value!.AbsoluteUri)
            : Results.Redirect($"{ManagePath}?error={Uri.EscapeDataString(authorize.Error!.Message)}");
    }

    private static async Task<IResult> OutcomesAsync(int runId, Portal.Core.Import.ImportService imports, HttpContext context)
    {
        var csv = await imports.GetOutcomeCsvAsync(runId, context.RequestAborted);
        return csv.Succeeded
            ? Results.File(csv.Value!, "text/csv; charset=utf-8", $"xpm-import-{runId}-outcomes.csv")
            : Results.NotFound(csv.Error!.Message);
    }

    private static async Task<IResult> CompleteAsync(string? state, string? code, string? error, XpmConnectionService connections, HttpContext context)
    {
        var outcome = await connections.CompleteAsync(state, code, error, context.RequestAborted);
        if (!outcome.Succeeded)
        {
            return Results.Redirect($"{ManagePath}?error={Uri.EscapeDataString(outcome.Error!.Message)}");
        }

        return outcome.Value!.Connected
            ? Results.Redirect($"{ManagePath}?connected=true")
            : Results.Redirect($"{ManagePath}/choose?state={Uri.EscapeDataString(outcome.Value.State!)}");
    }
}
