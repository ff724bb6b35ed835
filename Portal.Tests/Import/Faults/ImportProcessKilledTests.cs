using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;

namespace Portal.Import.Faults;

/// <summary>
/// The portal process killed hard in the middle of applying an import, then started again on the same data: the
/// import resumes and finishes with every record applied once. The app runs as it is deployed (the built
/// Portal.Web.dll under <c>dotnet</c>, Development, its own folder and SQLite file, the built-in sandbox over HTTP).
/// </summary>
/// <remarks>
/// The app offers no HTTP endpoint to start runs (the stepper's buttons work over the Blazor circuit), so the test
/// signs in and connects over HTTP as a browser would, then queues the fetch and the import through the portal's own
/// ImportService on the same SQLite file: the queue is the database, and the app's worker picks the rows up.
/// </remarks>
[Trait("Category", "E2E")]
public sealed class ImportProcessKilledTests
{
    private const int Clients = 1_500;
    // Small batches: a kill mid-apply needs a window longer than the worker's poll, even on a fast machine.
    private const int BatchSize = 10;

    // Generous for a loaded machine; a run normally takes seconds.
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Import_ProcessKilledMidApply_ResumesOnRestartAndAppliesEveryRecordOnce()
    {
        using var folder = new TempDirectory();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(folder.Path, "portal.db")}",
            ["XpmSandbox:AutoConsent"] = "true",
            ["XpmSandbox:Clients"] = Clients.ToString(),
            ["Import:PollInterval"] = "00:00:00.200",
            ["Import:BatchSize"] = BatchSize.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var database = new SqliteFileDatabase(Path.Combine(folder.Path, "portal.db"));
        var user = new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));
        var imports = new ImportService(database, user, new ImportQueue(), new ImportProgress(), TimeProvider.System);
        var review = new ImportReviewService(database, user);
        ImportRun fetch, killedAt, resumed;
        var clock = Stopwatch.StartNew();
        var steps = new List<string>();
        void Step(string what) => steps.Add(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}"));

        await using (var first = await PortalProcess.StartAsync(folder.Path, settings))
        {
            Step("first process healthy");
            await first.SignInAndConnectAsync();
            Step("signed in and connected over HTTP");
            fetch = await WaitForAsync(database, first, Started(await imports.StartFetchAsync()), run => !run.IsActive);
            fetch.Status.ShouldBe(ImportRunStatus.Succeeded, fetch.Error);
            Step($"fetch done: {fetch.StaffCount} staff, {fetch.ClientCount + fetch.EntityCount} clients and entities offered");
            await review.SetAllStaffSelectedAsync(fetch.Id, null, true);
            await review.SetAllClientsSelectedAsync(fetch.Id, new ClientReviewQuery(ClientKind.Person), true);
            await review.SetAllClientsSelectedAsync(fetch.Id, new ClientReviewQuery(ClientKind.Entity), true);
            var importId = Started(await imports.StartImportAsync(fetch.Id));

            // Mid-apply: several client batches committed, many still to go.
            var running = await WaitForAsync(database, first, importId,
                run => !run.IsActive || (run.ItemsTotal is { } total && run.ItemsDone >= fetch.StaffCount + 3 * BatchSize && run.ItemsDone <= total - 10 * BatchSize));
            running.Status.ShouldBe(ImportRunStatus.Running, "the import finished before it could be killed mid-apply");
            await first.KillAsync();
            Step($"killed at {running.ItemsDone}/{running.ItemsTotal}");
            killedAt = await database.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == importId));
        }

        // What the killed process left is consistent: each committed batch's records, outcomes and counts, nothing else.
        killedAt.Status.ShouldBe(ImportRunStatus.Running);
        killedAt.ItemsDone.ShouldBeLessThan(killedAt.ItemsTotal!.Value);
        var left = await CountAsync(database, killedAt.Id);
        left.Outcomes.ShouldBe(killedAt.ItemsDone);
        (killedAt.Created + killedAt.Linked + killedAt.Updated + killedAt.Skipped).ShouldBe(killedAt.ItemsDone);
        left.Clients.ShouldBe(left.OutcomeClients);

        await using (var second = await PortalProcess.StartAsync(folder.Path, settings))
        {
            Step("second process healthy");
            resumed = await WaitForAsync(database, second, killedAt.Id, run => !run.IsActive);
            Step($"resumed import {resumed.Status} after {resumed.Attempts} attempts");
        }

        // Timings for docs/reliability.md, beside the import benchmark's.
        await File.WriteAllLinesAsync(Path.Combine(Path.GetDirectoryName(Portal.E2E.BrowserFixture.ScreenshotDirectory)!, "import-process-killed.txt"), steps);

        resumed.Status.ShouldBe(ImportRunStatus.Succeeded, resumed.Error);
        resumed.Attempts.ShouldBe(2);
        var offered = fetch.ClientCount + fetch.EntityCount;
        var selected = offered + fetch.StaffCount;
        (resumed.ItemsDone, resumed.ItemsTotal).ShouldBe((selected, selected));
        (resumed.Created + resumed.Linked + resumed.Updated + resumed.Skipped).ShouldBe(selected);
        var done = await CountAsync(database, resumed.Id);
        // One outcome per record, one portal client per XPM client, one team role and one relationship per pair: no duplicates.
        (done.Outcomes, done.OutcomeUuids).ShouldBe((selected, selected));
        (done.Clients, done.ClientUuids, done.AllClients).ShouldBe((offered, offered, offered));
        (done.Staff, done.StaffUuids).ShouldBe((fetch.StaffCount, fetch.StaffCount));
        done.TeamMembers.ShouldBe(done.DistinctTeamMembers);
        done.TeamMembers.ShouldBeGreaterThan(0);
        done.Relationships.ShouldBe(done.DistinctRelationships);
        done.Relationships.ShouldBeGreaterThan(0);
        // Records created before the kill are counted as created, not as linked by the second attempt.
        resumed.Created.ShouldBe(done.Created);
        done.StagedLeft.ShouldBe(0);
    }

    private static int Started(Portal.Core.Common.Result<int> started)
    {
        started.Error.ShouldBeNull();
        return started.Value;
    }

    /// <summary>Reads the run's row from the SQLite file until <paramref name="until"/> holds.</summary>
    private static async Task<ImportRun> WaitForAsync(SqliteFileDatabase database, PortalProcess app, int runId, Func<ImportRun, bool> until)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var run = await database.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));
            if (until(run))
            {
                return run;
            }

            if (app.HasExited || waited.Elapsed > RunTimeout)
            {
                throw new TimeoutException($"Run {runId} is {run.Status} ({run.Phase}, {run.ItemsDone}/{run.ItemsTotal}) after {waited.Elapsed}:{Environment.NewLine}{app.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    private sealed record Counts(
        int Outcomes, int OutcomeUuids, int OutcomeClients, int Created, int Linked, int Clients, int ClientUuids, int AllClients,
        int Staff, int StaffUuids, int TeamMembers, int DistinctTeamMembers, int Relationships, int DistinctRelationships, int StagedLeft);

    private static Task<Counts> CountAsync(SqliteFileDatabase database, int importId) => database.WithDbAsync(async db =>
    {
        var outcomes = db.Set<ImportOutcome>().Where(o => o.RunId == importId);
        var linkedClients = db.Clients.Where(c => c.XpmLink != null);
        var linkedStaff = db.StaffMembers.Where(s => s.XpmLink != null);
        return new Counts(
            await outcomes.CountAsync(),
            await outcomes.Select(o => o.XpmUuid).Distinct().CountAsync(),
            await outcomes.CountAsync(o => o.RecordType != "Staff"),
            await outcomes.CountAsync(o => o.Action == Portal.Core.Import.Plan.ImportAction.Create),
            await outcomes.CountAsync(o => o.Action == Portal.Core.Import.Plan.ImportAction.Link),
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
