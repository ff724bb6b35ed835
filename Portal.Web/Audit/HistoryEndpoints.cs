using Portal.Core.Audit;
using Portal.Core.Identity;
using Portal.Web.Identity;

namespace Portal.Web.Audit;

/// <summary>Every change explained, as downloads: a client's history, and the field changes one import or undo run made.</summary>
internal static class HistoryEndpoints
{
    public static WebApplication MapHistoryEndpoints(this WebApplication app)
    {
        app.MapGet("/clients/{clientId:int}/history.csv", ClientAsync).RequireAuthorization(PortalPolicies.StaffArea).WithPortalUser();
        app.MapGet("/configure/integrations/xpm/imports/{runId:int}/changes.csv", RunAsync).RequireAuthorization(PortalPolicies.StaffArea).WithPortalUser();
        return app;
    }

    private static async Task<IResult> ClientAsync(int clientId, AuditHistoryService history, HttpContext context)
    {
        var csv = await history.ClientCsvAsync(clientId, context.RequestAborted);
        return csv.Succeeded ? Results.File(csv.Value!, "text/csv; charset=utf-8", $"client-{clientId}-history.csv") : Results.NotFound(csv.Error!.Message);
    }

    private static async Task<IResult> RunAsync(int runId, AuditHistoryService history, HttpContext context)
    {
        var csv = await history.RunCsvAsync(runId, context.RequestAborted);
        return csv.Succeeded ? Results.File(csv.Value!, "text/csv; charset=utf-8", $"xpm-import-{runId}-changes.csv") : Results.NotFound(csv.Error!.Message);
    }
}
