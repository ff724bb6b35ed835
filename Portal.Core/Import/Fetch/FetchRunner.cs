using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Models;

namespace Portal.Core.Import.Fetch;

/// <summary>
/// "Import Data": streams staff, the detailed client list and client groups from XPM into the run's staging
/// tables, in batches. It writes nothing to the portal's own records, so a failed or restarted fetch simply
/// starts again from an empty staging snapshot.
/// </summary>
public sealed class FetchRunner(
    IDbContextFactory<PortalDbContext> contextFactory,
    IXpmClient xpm,
    ImportProgress progress,
    RunFinishedNotifier notifier,
    TimeProvider time,
    ILogger<FetchRunner> logger)
{
    internal const int BatchSize = 500;

    /// <summary>At most one progress update a quarter second: a 20,000-client fetch must not flood every open page.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(int runId, string portalBaseUrl, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<ImportRun>().SingleAsync(r => r.Id == runId, cancellationToken);
        await ClearStagingAsync(db, runId, cancellationToken);
        run.Status = ImportRunStatus.Running;
        run.StartedAt = Now;
        run.Attempts++;
        run.ItemsDone = 0;
        run.ItemsTotal = await EstimateTotalAsync(db, run, cancellationToken);
        await SaveAndPublishAsync(db, run, "Reading staff from Xero Practice Manager", CancellationToken.None);

        var outcome = await FetchAsync(db, run, cancellationToken);
        if (!outcome.Succeeded)
        {
            await FailAsync(db, run, outcome.Error!.Message);
            return;
        }

        await SaveAndPublishAsync(db, run, "Matching with the portal's clients and staff", cancellationToken);
        await ImportMatching.MatchStagedAsync(db, run.Id, run.PracticeId, cancellationToken);
        run.Status = ImportRunStatus.Succeeded;
        run.FinishedAt = Now;
        run.ItemsTotal = run.ItemsDone;
        await SaveAndPublishAsync(db, run, "Ready to review", CancellationToken.None);
        logger.LogInformation("Fetch {RunId} read {StaffCount} staff, {ClientCount} clients, {EntityCount} entities", run.Id, run.StaffCount, run.ClientCount, run.EntityCount);
        await NotifyAsync(run, portalBaseUrl);
    }

    private async Task<Result<bool>> FetchAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        try
        {
            var staff = await xpm.GetStaffAsync(cancellationToken);
            if (!staff.Succeeded)
            {
                return staff.Error!;
            }

            await using (var stream = staff.Value!)
            {
                await foreach (var batch in Batches(stream, cancellationToken))
                {
                    db.AddRange(batch.Select(s => ToStaged(run.Id, s)));
                    run.StaffCount += batch.Count;
                    await SaveBatchAsync(db, run, cancellationToken);
                }
            }

            await SaveAndPublishAsync(db, run, "Reading clients from Xero Practice Manager", cancellationToken);
            var clients = await xpm.GetClientsAsync(detailed: true, cancellationToken: cancellationToken);
            if (!clients.Succeeded)
            {
                return clients.Error!;
            }

            var lastPublished = time.GetTimestamp();
            await using (var stream = clients.Value!)
            {
                await foreach (var batch in Batches(stream, cancellationToken))
                {
                    foreach (var client in batch)
                    {
                        var staged = ToStaged(run.Id, client);
                        db.Add(staged);
                        db.AddRange(client.Relationships.Select(r => ToStaged(run.Id, client.Uuid, r)));
                        if (staged.Kind == ClientKind.Entity)
                        {
                            run.EntityCount++;
                        }
                        else
                        {
                            run.ClientCount++;
                        }
                    }

                    run.ItemsDone += batch.Count;
                    await SaveBatchAsync(db, run, cancellationToken);
                    if (time.GetElapsedTime(lastPublished) >= ProgressInterval)
                    {
                        lastPublished = time.GetTimestamp();
                        await progress.PublishAsync(ImportProgressSnapshot.From(run));
                    }
                }
            }

            await SaveAndPublishAsync(db, run, "Reading client groups from Xero Practice Manager", cancellationToken);
            var groups = await xpm.GetClientGroupsAsync(cancellationToken);
            if (!groups.Succeeded)
            {
                return groups.Error!;
            }

            await using (var stream = groups.Value!)
            {
                await foreach (var batch in Batches(stream, cancellationToken))
                {
                    db.AddRange(batch.Select(g => new StagedGroup { RunId = run.Id, XpmUuid = g.Uuid, Name = g.Name }));
                    run.GroupCount += batch.Count;
                    await SaveBatchAsync(db, run, cancellationToken);
                }
            }

            return true;
        }
        catch (XpmException exception)
        {
            // The reply broke mid-list (truncated or malformed XML, lost connection): the snapshot is incomplete.
            return exception.Error;
        }
    }

    private async Task SaveBatchAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        // Keep only the run tracked: memory stays flat however big the practice.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not ImportRun).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task FailAsync(PortalDbContext db, ImportRun run, string error)
    {
        db.ChangeTracker.Clear();
        await ClearStagingAsync(db, run.Id, CancellationToken.None);
        db.Attach(run);
        run.Status = ImportRunStatus.Failed;
        run.FinishedAt = Now;
        run.Error = error;
        await SaveAndPublishAsync(db, run, "Failed", CancellationToken.None);
        logger.LogWarning("Fetch {RunId} failed: {Error}", run.Id, error);
    }

    private async Task SaveAndPublishAsync(PortalDbContext db, ImportRun run, string phase, CancellationToken cancellationToken)
    {
        run.Phase = phase;
        await db.SaveChangesAsync(cancellationToken);
        await progress.PublishAsync(ImportProgressSnapshot.From(run));
    }

    private Task NotifyAsync(ImportRun run, string portalBaseUrl) => notifier.RunFinishedAsync(
        run,
        "Your Xero Practice Manager data is ready to review",
        $"The data you asked for from Xero Practice Manager is ready: {run.StaffCount} staff, {run.ClientCount} clients and {run.EntityCount} entities.",
        "Review and import data",
        $"{portalBaseUrl.TrimEnd('/')}/configure/integrations/xpm");

    private static async Task ClearStagingAsync(PortalDbContext db, int runId, CancellationToken cancellationToken)
    {
        await db.Set<StagedRelationship>().Where(r => r.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StagedClient>().Where(c => c.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StagedStaff>().Where(s => s.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StagedGroup>().Where(g => g.RunId == runId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>XPM's list gives no total, so the last successful fetch's client count stands in for the ETA.</summary>
    private static Task<int?> EstimateTotalAsync(PortalDbContext db, ImportRun run, CancellationToken cancellationToken) =>
        db.Set<ImportRun>().AsNoTracking()
            .Where(r => r.PracticeId == run.PracticeId && r.Kind == ImportRunKind.Fetch && r.Status == ImportRunStatus.Succeeded && r.Id != run.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => (int?)(r.ClientCount + r.EntityCount))
            .FirstOrDefaultAsync(cancellationToken);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static async IAsyncEnumerable<List<T>> Batches<T>(IAsyncEnumerable<T> items, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<T>(BatchSize);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            batch.Add(item);
            if (batch.Count == BatchSize)
            {
                yield return batch;
                batch = new List<T>(BatchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static StagedStaff ToStaged(int runId, XpmStaff staff) => new()
    {
        RunId = runId,
        XpmUuid = staff.Uuid,
        Name = staff.Name,
        Email = Blank(staff.Email),
        Phone = Blank(staff.Phone),
        Mobile = Blank(staff.Mobile),
        WebUrl = Blank(staff.WebUrl),
    };

    private static StagedClient ToStaged(int runId, XpmClientRecord client)
    {
        var snapshot = XpmClientSnapshot.From(client);
        return new StagedClient
        {
            RunId = runId,
            XpmUuid = snapshot.XpmUuid,
            Kind = snapshot.Kind,
            Name = snapshot.Name,
            FirstName = snapshot.FirstName,
            LastName = snapshot.LastName,
            BusinessStructure = snapshot.BusinessStructure,
            DateOfBirth = snapshot.DateOfBirth,
            Email = snapshot.Email,
            Phone = snapshot.Phone,
            Mobile = snapshot.Mobile,
            PhysicalAddress = snapshot.PhysicalAddress,
            PostalAddress = snapshot.PostalAddress,
            AccountManagerUuid = client.AccountManager?.Uuid,
            JobManagerUuid = client.JobManager?.Uuid,
            WebUrl = Blank(client.WebUrl),
            IsArchived = client.IsArchived,
            IsDeleted = client.IsDeleted,
        };
    }

    private static StagedRelationship ToStaged(int runId, Guid clientUuid, XpmRelationship relationship) => new()
    {
        RunId = runId,
        XpmUuid = relationship.Uuid == Guid.Empty ? null : relationship.Uuid,
        ClientUuid = clientUuid,
        RelatedClientUuid = relationship.RelatedClient.Uuid,
        RelatedClientName = relationship.RelatedClient.Name,
        Type = relationship.Type ?? "Related",
        NumberOfShares = relationship.NumberOfShares,
        Percentage = relationship.Percentage,
        StartDate = relationship.StartDate,
        EndDate = relationship.EndDate,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
