using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Import;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.XpmSandbox;
using Microsoft.Extensions.Options;

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

    /// <summary>Staff edit 1 % of the practice's active clients in XPM (a new phone each), as a day of work might.</summary>
    public int ChangeOnePercentInXpm()
    {
        var practice = portal.Services.GetRequiredService<SandboxPractice>();
        var active = practice.Current.Clients.Where(c => !c.IsArchived && !c.IsDeleted).ToList();
        var changed = 0;
        for (var i = 0; i < active.Count; i += 100)
        {
            var phone = $"09 555 {i:0000}";
            practice.UpdateClient(active[i].Uuid, c => c with { Phone = phone });
            changed++;
        }

        return changed;
    }

    /// <summary>
    /// The server side of the Clients step (on a fetch's staging) and of the Clients list, as their pages call it: each query
    /// once to warm up, then the median of five, in milliseconds. The two "select all" are timed with every person unticked
    /// before each sample, so each changes every tick it covers; the caller ticks everyone again (SelectEveryoneAsync).
    /// </summary>
    public async Task<IReadOnlyList<(string Query, double Milliseconds)>> TimeQueriesAsync(int fetchRunId, string search)
    {
        var clients = new ClientService(_factory, _user, TimeProvider.System, portal.Services.GetRequiredService<IOptions<XpmOptions>>());
        Task Untick() => CheckAsync(Review.SetAllClientsSelectedAsync(fetchRunId, new ClientReviewQuery(ClientKind.Person), false));
        var queries = new (string Name, Func<Task> Query, Func<Task>? Before)[]
        {
            ("Clients step: first page of people", () => Review.GetClientsAsync(fetchRunId, new ClientReviewQuery(ClientKind.Person)), null),
            ("Clients step: first page of entities", () => Review.GetClientsAsync(fetchRunId, new ClientReviewQuery(ClientKind.Entity)), null),
            ($"Clients step: search \"{search}\"", () => Review.GetClientsAsync(fetchRunId, new ClientReviewQuery(ClientKind.Person, search)), null),
            ("Clients step: page 100 of people", () => Review.GetClientsAsync(fetchRunId, new ClientReviewQuery(ClientKind.Person, Page: 100)), null),
            ($"Clients step: select all matching \"{search}\"", () => CheckAsync(Review.SetAllClientsSelectedAsync(fetchRunId, new ClientReviewQuery(ClientKind.Person, search), true)), Untick),
            // Everyone unticked first (not timed), so every person's tick changes: the click's worst case.
            ("Clients step: select all people", () => CheckAsync(Review.SetAllClientsSelectedAsync(fetchRunId, new ClientReviewQuery(ClientKind.Person), true)), Untick),
            // What the Clients step shows beside the detail-level choice, and the Confirm step's preview: each plans the selection.
            ("Clients step: detail-level counts", () => Review.GetDetailLevelChangesAsync(fetchRunId), null),
            ("Confirm step: preview", () => Review.PreviewAsync(fetchRunId), null),
            ("Clients list: first page", () => clients.SearchAsync(new ClientQuery()), null),
            ($"Clients list: search \"{search}\"", () => clients.SearchAsync(new ClientQuery(search)), null),
            ("Clients list: last page", () => clients.SearchAsync(new ClientQuery(Page: 10_000 / 25)), null),
        };
        var timings = new List<(string, double)>();
        foreach (var (name, query, before) in queries)
        {
            await query();
            var samples = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                if (before is not null)
                {
                    await before();
                }

                var clock = System.Diagnostics.Stopwatch.StartNew();
                await query();
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            timings.Add((name, samples.Order().ElementAt(2)));
        }

        return timings;
    }

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

    private static async Task CheckAsync<T>(Task<Result<T>> result) => Check(await result);

    private static T Check<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Refused: {result.Error}");
}
