using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;

namespace Portal.ScaleOut;

/// <summary>
/// Two real portal processes (the built Portal.Web.dll, as deployed) on one PostgreSQL database: an import worked by one
/// node is watched live from the other; the working node is killed hard mid-apply; the other node takes the run over
/// when the lease expires and finishes it, every record applied once.
/// </summary>
/// <remarks>
/// The fetch runs while only node A is up: it reads XPM through node A's embedded sandbox, whose tokens the other node's
/// sandbox would not know. The apply reads only the database, so either node can work it: the test kills whichever node
/// claimed it and expects the other to finish.
/// </remarks>
[Trait("Category", "Postgres")]
public sealed partial class TwoNodeImportTests
{
    private const int Clients = 1_500;

    // Small batches keep the apply working long enough (many commits) for a kill or a cancel from the other node (seen at
    // the next lease renewal, 0.5 s) to land mid-apply: with 50 a batch the faster apply finished first.
    internal const int BatchSize = 10;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Import_WorkingNodeKilledMidApply_OtherNodeWatchedItLiveTakesOverAndAppliesEveryRecordOnce()
    {
        var database = new SharedDatabase(await PostgresTestServer.CreateDatabaseAsync());
        using var folderA = new TempDirectory();
        using var folderB = new TempDirectory();
        var user = new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));
        var imports = new ImportService(database, user, new ImportQueue(), new ImportProgress(), TimeProvider.System);
        var review = new ImportReviewService(database, user);

        await using var nodeA = await PortalProcess.StartAsync(folderA.Path, Settings(database, "node-a"));
        await nodeA.SignInAndConnectAsync();
        var fetch = await WaitForAsync(database, [nodeA], Started(await imports.StartFetchAsync()), run => !run.IsActive);
        fetch.Status.ShouldBe(ImportRunStatus.Succeeded, fetch.Error);
        await review.SetAllStaffSelectedAsync(fetch.Id, null, true);
        await review.SetAllClientsSelectedAsync(fetch.Id, new ClientReviewQuery(ClientKind.Person), true);
        await review.SetAllClientsSelectedAsync(fetch.Id, new ClientReviewQuery(ClientKind.Entity), true);
        await using var nodeB = await PortalProcess.StartAsync(folderB.Path, Settings(database, "node-b"));

        var importId = Started(await imports.StartImportAsync(fetch.Id));
        var running = await WaitForAsync(database, [nodeA, nodeB], importId,
            run => !run.IsActive || (run.ItemsTotal is { } total && run.ItemsDone >= fetch.StaffCount + 3 * BatchSize && run.ItemsDone <= total - 10 * BatchSize));
        running.Status.ShouldBe(ImportRunStatus.Running, "the import finished before it could be killed mid-apply");
        var (working, watching) = running.LeaseOwner == "node-a" ? (nodeA, nodeB) : (nodeB, nodeA);
        running.LeaseOwner.ShouldBeOneOf("node-a", "node-b");
        // Watched live: the other node's pages were handed the working node's progress, more than one step of it.
        await WaitUntilAsync(() => WatchedProgress(watching.Output, importId).Distinct().Count() >= 2, RunTimeout,
            () => $"the watching node saw no live progress:{Environment.NewLine}{watching.Output}");
        await working.KillAsync();
        var killedAt = await database.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == importId));

        var finished = await WaitForAsync(database, [watching], importId, run => !run.IsActive);

        killedAt.Status.ShouldBe(ImportRunStatus.Running);
        finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
        finished.LeaseOwner.ShouldBe(running.LeaseOwner == "node-a" ? "node-b" : "node-a");
        finished.Attempts.ShouldBe(2);
        var offered = fetch.ClientCount + fetch.EntityCount;
        var selected = offered + fetch.StaffCount;
        (finished.ItemsDone, finished.ItemsTotal).ShouldBe((selected, selected));
        (finished.Created + finished.Linked + finished.Updated + finished.Skipped).ShouldBe(selected);
        var done = await CountAsync(database, importId);
        // One outcome per record, one portal client per XPM client, one team role and one relationship per pair: no duplicates.
        (done.Outcomes, done.OutcomeUuids).ShouldBe((selected, selected));
        (done.Clients, done.ClientUuids, done.AllClients).ShouldBe((offered, offered, offered));
        (done.Staff, done.StaffUuids).ShouldBe((fetch.StaffCount, fetch.StaffCount));
        done.TeamMembers.ShouldBe(done.DistinctTeamMembers);
        done.Relationships.ShouldBe(done.DistinctRelationships);
        finished.Created.ShouldBe(done.Created);
        done.StagedLeft.ShouldBe(0);
    }

    /// <summary>
    /// Cancel from a node that is not working the run: this test process's <see cref="ImportService"/> is that node (the
    /// same call node B's Cancel button makes; it tracks no run, so only the row's flag can reach node A). Node A, a real
    /// process, must stop mid-apply, record the run Cancelled with its committed batches standing, and be free for the next run.
    /// </summary>
    [Fact]
    public async Task Import_CancelledFromAnotherNodeMidApply_WorkingNodeStopsKeepsCommittedBatchesAndClaimsTheNextRun()
    {
        var database = new SharedDatabase(await PostgresTestServer.CreateDatabaseAsync());
        using var folderA = new TempDirectory();
        var user = new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));
        var imports = new ImportService(database, user, new ImportQueue(), new ImportProgress(), TimeProvider.System);
        var review = new ImportReviewService(database, user);
        await using var nodeA = await PortalProcess.StartAsync(folderA.Path, Settings(database, "node-a"));
        await nodeA.SignInAndConnectAsync();
        var fetch = await WaitForAsync(database, [nodeA], Started(await imports.StartFetchAsync()), run => !run.IsActive);
        fetch.Status.ShouldBe(ImportRunStatus.Succeeded, fetch.Error);
        await review.SetAllStaffSelectedAsync(fetch.Id, null, true);
        await review.SetAllClientsSelectedAsync(fetch.Id, new ClientReviewQuery(ClientKind.Person), true);
        await review.SetAllClientsSelectedAsync(fetch.Id, new ClientReviewQuery(ClientKind.Entity), true);
        var offered = fetch.ClientCount + fetch.EntityCount;
        var selected = offered + fetch.StaffCount;
        var importId = Started(await imports.StartImportAsync(fetch.Id));
        var running = await WaitForAsync(database, [nodeA], importId,
            run => !run.IsActive || run.ItemsDone >= fetch.StaffCount + 2 * BatchSize);
        running.Status.ShouldBe(ImportRunStatus.Running, "the import finished before it could be cancelled mid-apply");
        running.LeaseOwner.ShouldBe("node-a");

        (await imports.CancelAsync(importId)).Error.ShouldBeNull();
        var cancelled = await WaitForAsync(database, [nodeA], importId, run => !run.IsActive);
        // Checked here, not below: once the import succeeded, the review is closed and the next start would fail first.
        cancelled.Status.ShouldBe(ImportRunStatus.Cancelled, cancelled.Error);
        // Recorded Cancelled by node A's worker after its runner stopped: nothing of this run can be applied from here on.
        var atCancel = await CountAsync(database, importId);
        var clientOutcomesAtCancel = await database.WithDbAsync(db => db.Set<ImportOutcome>().CountAsync(o => o.RunId == importId && o.RecordType != "Staff"));
        var nextId = Started(await imports.StartImportAsync(fetch.Id));
        var next = await WaitForAsync(database, [nodeA], nextId, run => !run.IsActive);
        var afterNext = await CountAsync(database, importId);

        cancelled.ItemsDone.ShouldBeLessThan(selected, "node A applied every record although the cancel came mid-apply");
        // Committed batches stand, exactly: one outcome per applied record, and nothing applied without its outcome.
        (atCancel.Outcomes, atCancel.OutcomeUuids).ShouldBe((cancelled.ItemsDone, cancelled.ItemsDone));
        (atCancel.Clients, atCancel.AllClients).ShouldBe((clientOutcomesAtCancel, clientOutcomesAtCancel));
        (cancelled.Created + cancelled.Linked + cancelled.Updated + cancelled.Skipped).ShouldBe(cancelled.ItemsDone);
        // Node A's worker was free: it claimed the next run and finished it; the cancelled run gained nothing meanwhile.
        next.LeaseOwner.ShouldBe("node-a");
        next.Status.ShouldBe(ImportRunStatus.Succeeded, next.Error);
        afterNext.Outcomes.ShouldBe(atCancel.Outcomes);
        var done = await CountAsync(database, nextId);
        // The staff and clients the cancelled run applied are unchanged since (clients by ImportFingerprint): the next run
        // counts them as unchanged and writes them no outcome row; everything else has exactly one.
        next.ItemsDone.ShouldBe(selected);
        next.Skipped.ShouldBeGreaterThanOrEqualTo(atCancel.Outcomes);
        (done.Outcomes, done.OutcomeUuids).ShouldBe((selected - atCancel.Outcomes, selected - atCancel.Outcomes));
        (done.Clients, done.ClientUuids, done.AllClients).ShouldBe((offered, offered, offered));
        (done.Staff, done.StaffUuids).ShouldBe((fetch.StaffCount, fetch.StaffCount));
    }

    internal static Dictionary<string, string> Settings(SharedDatabase database, string node) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Portal"] = database.ConnectionString,
        ["Import:NodeId"] = node,
        // Short, so the test does not wait 30 s for the dead node's lease; renewed four times per lease.
        ["Import:LeaseDuration"] = "00:00:02",
        ["Import:LeaseRenewInterval"] = "00:00:00.500",
        ["Import:PollInterval"] = "00:00:00.200",
        ["Import:BatchSize"] = BatchSize.ToString(),
        ["XpmSandbox:AutoConsent"] = "true",
        ["XpmSandbox:Clients"] = Clients.ToString(),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Portal.Core.Import.Runs.ImportProgressListener"] = "Debug",
        // Plain console lines, so the test can read what the node delivered.
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
    };

    /// <summary>The ItemsDone values of <paramref name="runId"/> the node delivered to its pages from another node.</summary>
    private static IEnumerable<int> WatchedProgress(string output, int runId) =>
        DeliveredLine().Matches(output).Where(m => m.Groups["run"].Value == runId.ToString()).Select(m => int.Parse(m.Groups["done"].Value));

    [GeneratedRegex(@"Progress of import run (?<run>\d+) from node-\w: (?<done>\d+)/")]
    private static partial Regex DeliveredLine();

    internal static int Started(Portal.Core.Common.Result<int> started)
    {
        started.Error.ShouldBeNull();
        return started.Value;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> why)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException(why());
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Reads the run's row until <paramref name="until"/> holds; fails early when every node watched has exited.</summary>
    internal static async Task<ImportRun> WaitForAsync(SharedDatabase database, PortalProcess[] nodes, int runId, Func<ImportRun, bool> until)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var run = await database.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));
            if (until(run))
            {
                return run;
            }

            if (nodes.All(n => n.HasExited) || waited.Elapsed > RunTimeout)
            {
                throw new TimeoutException($"Run {runId} is {run.Status} ({run.Phase}, {run.ItemsDone}/{run.ItemsTotal}, lease {run.LeaseOwner}) after {waited.Elapsed}:"
                    + string.Concat(nodes.Select(n => $"{Environment.NewLine}--- {n.BaseUri}{Environment.NewLine}{n.Output}")));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    private sealed record Counts(
        int Outcomes, int OutcomeUuids, int Created, int Clients, int ClientUuids, int AllClients,
        int Staff, int StaffUuids, int TeamMembers, int DistinctTeamMembers, int Relationships, int DistinctRelationships, int StagedLeft);

    private static Task<Counts> CountAsync(SharedDatabase database, int importId) => database.WithDbAsync(async db =>
    {
        var outcomes = db.Set<ImportOutcome>().Where(o => o.RunId == importId);
        var linkedClients = db.Clients.Where(c => c.XpmLink != null);
        var linkedStaff = db.StaffMembers.Where(s => s.XpmLink != null);
        return new Counts(
            await outcomes.CountAsync(),
            await outcomes.Select(o => o.XpmUuid).Distinct().CountAsync(),
            await outcomes.CountAsync(o => o.Action == Portal.Core.Import.Plan.ImportAction.Create),
            await linkedClients.CountAsync(),
            await linkedClients.Select(c => c.XpmLink!.XpmUuid).Distinct().CountAsync(),
            await db.Clients.CountAsync(),
            await linkedStaff.CountAsync(),
            await linkedStaff.Select(s => s.XpmLink!.XpmUuid).Distinct().CountAsync(),
            await db.TeamMembers.CountAsync(),
            await db.TeamMembers.Select(t => new { t.ClientId, t.StaffMemberId, t.Role }).Distinct().CountAsync(),
            await db.Relationships.CountAsync(),
            await db.Relationships.Select(r => new { r.EntityId, r.RelatedClientId, r.Type }).Distinct().CountAsync(),
            await db.Set<StagedClient>().CountAsync());
    });
}
