using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Data;
using Portal.Core.Import;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;

namespace Portal.ScaleOut;

/// <summary>
/// Two nodes' import plumbing on one database, in one test process: what node A publishes reaches node B's subscribers
/// (NOTIFY on PostgreSQL, row polling on SQLite), and two nodes never claim the same run.
/// </summary>
public sealed class CrossNodeProgressTests
{
    [Fact]
    public async Task Publish_OnNodeA_ReachesSubscribersOnNodeB()
    {
        await using var database = await TestDatabase.CreateAsync();
        var runId = await QueueRunAsync(database);
        var nodeA = Node(database, "node-a");
        var nodeB = Node(database, "node-b");
        var seenOnB = new List<ImportProgressSnapshot>();
        bool Seen()
        {
            lock (seenOnB)
            {
                return seenOnB.Any(s => s.RunId == runId && s.ItemsDone == 42);
            }
        }

        using var subscription = nodeB.Progress.Subscribe(s =>
        {
            lock (seenOnB)
            {
                seenOnB.Add(s);
            }

            return Task.CompletedTask;
        });
        using var stop = new CancellationTokenSource();
        await nodeB.Listener.StartAsync(stop.Token);
        ImportProgressSnapshot snapshot;
        await using (var db = database.CreateDbContext())
        {
            await db.Set<ImportRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ImportRunStatus.Running).SetProperty(r => r.LeaseOwner, "node-a")
                .SetProperty(r => r.ItemsDone, 42).SetProperty(r => r.ItemsTotal, 100));
            snapshot = ImportProgressSnapshot.From(await db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));
        }

        // Node A publishes as a run does, batch after batch (the first may precede node B's LISTEN; SQLite needs none).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!Seen() && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await nodeA.Progress.PublishAsync(snapshot);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Seen().ShouldBeTrue("node B's subscriber never saw node A's progress");
        await stop.CancelAsync();
        await nodeB.Listener.StopAsync(CancellationToken.None);
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task ClaimNext_TwoNodesAtOnce_EachRunClaimedByExactlyOneNode()
    {
        // PostgreSQL only: the nodes claim concurrently, and the SQLite test database is one in-memory connection.
        _ = PostgresTestServer.RequiredConnectionString;
        await using var database = await TestDatabase.CreateAsync();
        var runs = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            runs.Add(await QueueRunAsync(database));
        }

        var nodes = new[] { Node(database, "node-a"), Node(database, "node-b"), Node(database, "node-c") };

        var claimed = await Task.WhenAll(nodes.Select(node => Task.Run(async () =>
        {
            var mine = new List<int>();
            while (await node.Claims.ClaimNextAsync(CancellationToken.None) is { } id)
            {
                mine.Add(id);
            }

            return mine;
        })));

        claimed.SelectMany(c => c).Order().ShouldBe(runs);
        await using var check = database.CreateDbContext();
        (await check.Set<ImportRun>().CountAsync(r => r.LeaseOwner == null)).ShouldBe(0);
    }

    [Fact]
    public async Task ClaimNext_RunWhoseLeaseExpired_IsTakenOverByAnotherNode()
    {
        await using var database = await TestDatabase.CreateAsync();
        var runId = await QueueRunAsync(database);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var nodeA = Node(database, "node-a", clock);
        var nodeB = Node(database, "node-b", clock);
        (await nodeA.Claims.ClaimNextAsync(CancellationToken.None)).ShouldBe(runId);
        (await nodeB.Claims.ClaimNextAsync(CancellationToken.None)).ShouldBeNull("node A's lease is live");

        clock.Advance(TimeSpan.FromSeconds(31)); // Node A died: no renewal for longer than the 30 s lease.
        var takenOver = await nodeB.Claims.ClaimNextAsync(CancellationToken.None);
        var renewalOnA = await nodeA.Claims.RenewAsync(runId, CancellationToken.None);

        takenOver.ShouldBe(runId);
        renewalOnA.StillOwned.ShouldBeFalse("node A must stop working a run node B took over");
    }

    [Fact]
    public async Task Renew_AfterACancelFromAnotherNode_TellsTheWorkingNodeToStop()
    {
        await using var database = await TestDatabase.CreateAsync();
        var runId = await QueueRunAsync(database);
        var working = Node(database, "node-a");
        (await working.Claims.ClaimNextAsync(CancellationToken.None)).ShouldBe(runId);
        (await working.Claims.RenewAsync(runId, CancellationToken.None)).CancelRequested.ShouldBeFalse();

        // What ImportService.CancelAsync does on the node serving the page: the flag on the row.
        await using (var db = database.CreateDbContext())
        {
            await db.Set<ImportRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true));
        }

        var renewal = await working.Claims.RenewAsync(runId, CancellationToken.None);

        renewal.ShouldBe(new LeaseRenewal(StillOwned: true, CancelRequested: true));
    }

    private static async Task<int> QueueRunAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var run = new ImportRun { PracticeId = database.PracticeId, Kind = ImportRunKind.Fetch, Status = ImportRunStatus.Queued, StartedBy = "Sam", CreatedAt = DateTime.UtcNow };
        db.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private sealed record TestNode(ImportProgress Progress, ImportRunClaims Claims, ImportProgressListener Listener);

    private static TestNode Node(TestDatabase database, string name, TimeProvider? time = null)
    {
        var options = Options.Create(new ImportOptions { NodeId = name, LeaseDuration = TimeSpan.FromSeconds(30), LeaseRenewInterval = TimeSpan.FromMilliseconds(100) });
        var provider = Options.Create(new DatabaseOptions { Provider = database.Provider });
        // As AddImport wires it: announcements only on PostgreSQL; on SQLite the other nodes poll the rows.
        var progress = new ImportProgress(database.Provider == DatabaseProvider.Postgres
            ? new PostgresProgressAnnouncer(database, options, NullLogger<PostgresProgressAnnouncer>.Instance)
            : null);
        return new TestNode(
            progress,
            new ImportRunClaims(database, options, time ?? TimeProvider.System),
            new ImportProgressListener(database, progress, options, provider, NullLogger<ImportProgressListener>.Instance));
    }
}
