using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Sync;

namespace Portal.Core.Import.Apply;

/// <summary>
/// Records an import's conflicts for the Conflicts inbox: one open conflict per client and field (a later import
/// refreshes its values). An open conflict whose two sides have come to agree is closed.
/// </summary>
internal static class ConflictRecorder
{
    public static async Task RecordAsync(
        PortalDbContext db,
        ImportRun run,
        IReadOnlyList<(Clients.Client Client, ImportPlan.ClientPlan Plan)> linked,
        DateTime now,
        CancellationToken cancellationToken)
    {
        if (linked.Count == 0)
        {
            return;
        }

        var ids = linked.Select(l => l.Client.Id).ToList();
        var open = await db.Set<SyncConflict>().Where(c => ids.Contains(c.ClientId) && c.ResolvedAt == null).ToListAsync(cancellationToken);
        foreach (var (client, plan) in linked)
        {
            var xpm = PortalClientValues.From(plan.Xpm);
            var portal = PortalClientValues.From(client);
            foreach (var decision in plan.Entry.Conflicts)
            {
                var row = open.FirstOrDefault(c => c.ClientId == client.Id && c.Field == decision.Field);
                if (row is null)
                {
                    row = new SyncConflict { PracticeId = run.PracticeId, ClientId = client.Id, Field = decision.Field, XpmValuesJson = "" };
                    db.Add(row);
                }

                var json = JsonSerializer.Serialize(xpm, PortalJson.Default.PortalClientValues);
                if (row.Id == 0 || row.XpmValue != decision.Xpm || row.PortalValue != decision.Portal || row.BaseValue != decision.Base || row.XpmValuesJson != json)
                {
                    (row.BaseValue, row.PortalValue, row.XpmValue, row.XpmValuesJson) = (decision.Base, decision.Portal, decision.Xpm, json);
                    (row.RunId, row.DetectedAt) = (run.Id, now);
                }
            }

            foreach (var stale in open.Where(c => c.ClientId == client.Id && SyncFields.Same(portal, xpm, c.Field)))
            {
                stale.ResolvedAt = now;
                stale.ResolvedBy = "Import: the portal and XPM now agree";
            }
        }
    }
}
