using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;

namespace Portal.Core.Import.Runs;

/// <summary>
/// PostgreSQL's NOTIFY on <see cref="Channel"/> with "runId:node": the listening nodes read the row themselves (it is the
/// truth, and a payload stays far below NOTIFY's 8000-byte limit).
/// </summary>
internal sealed class PostgresProgressAnnouncer(
    IDbContextFactory<PortalDbContext> contextFactory,
    IOptions<ImportOptions> options,
    ILogger<PostgresProgressAnnouncer> logger) : IImportProgressAnnouncer
{
    public const string Channel = "portal_import_progress";

    public async Task AnnounceAsync(ImportProgressSnapshot snapshot)
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            var payload = $"{snapshot.RunId}:{options.Value.EffectiveNodeId}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})");
        }
        catch (Exception exception)
        {
            // Live progress elsewhere is a nicety: a failed announcement must never fail the run (pages re-read the row).
            logger.LogWarning(exception, "Could not announce the progress of import run {RunId} to the other nodes", snapshot.RunId);
        }
    }
}
