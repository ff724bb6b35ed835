using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Import;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;

namespace Portal.Benchmarks;

/// <summary>
/// What staff do on the import page, through the same services the page calls: Import Data, select everyone at all
/// contact details, Confirm and import data; each run is carried out by the app's own worker.
/// </summary>
internal sealed class ImportFlow(BenchmarkPortal portal)
{
    private readonly IDbContextFactory<PortalDbContext> _factory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    private readonly BenchmarkUser _user = new();

    private ImportService Imports => new(
        _factory, _user, portal.Services.GetRequiredService<ImportQueue>(), portal.Services.GetRequiredService<ImportProgress>(), TimeProvider.System);

    private ImportReviewService Review => new(_factory, _user);

    /// <summary>Import Data until the review is ready (download, parse, stage, match).</summary>
    public async Task<ImportProgressSnapshot> FetchAsync(bool fullReimport) =>
        await WaitAsync(await Imports.StartFetchAsync(fullReimport));

    /// <summary>Everyone selected at all contact details (not timed: clicks on the review).</summary>
    public async Task SelectEveryoneAsync(int fetchRunId)
    {
        Check(await Review.SetDetailLevelAsync(fetchRunId, ImportDetailLevel.AllContactDetails));
        Check(await Review.SetAllStaffSelectedAsync(fetchRunId, null, true));
        Check(await Review.SetAllClientsSelectedAsync(fetchRunId, new ClientReviewQuery(ClientKind.Person), true));
        Check(await Review.SetAllClientsSelectedAsync(fetchRunId, new ClientReviewQuery(ClientKind.Entity), true));
    }

    /// <summary>Confirm and import data until the run has applied everything (plan + apply + relationships).</summary>
    public async Task<ImportProgressSnapshot> ImportAsync(int fetchRunId) =>
        await WaitAsync(await Imports.StartImportAsync(fetchRunId));

    public Task<int> LinkedClientsAsync() => WithDbAsync(db => db.Clients.CountAsync(c => c.XpmLink != null));

    private async Task<ImportProgressSnapshot> WaitAsync(Result<int> started)
    {
        var runId = Check(started);
        var done = new TaskCompletionSource<ImportProgressSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Subscribe before reading the row, so a finish between the two is not missed.
        using var subscription = portal.Services.GetRequiredService<ImportProgress>().Subscribe(snapshot =>
        {
            if (snapshot.RunId == runId && !snapshot.IsActive)
            {
                done.TrySetResult(snapshot);
            }

            return Task.CompletedTask;
        });
        var run = await WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));
        var finished = run.IsActive ? await done.Task.WaitAsync(TimeSpan.FromMinutes(15)) : ImportProgressSnapshot.From(run);
        if (finished.Status != ImportRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"Run {runId} ended {finished.Status}: {finished.Error}");
        }

        return finished;
    }

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await query(db);
    }

    private static T Check<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Refused: {result.Error}");
}
