using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;
using Portal.Xpm.Connection;

namespace Portal.Import;

/// <summary>
/// A 20,000-client practice through the real path (HTTP, OAuth, XML streaming, staging, matching, apply). It asserts
/// correctness only; the timings it writes to test-results/import-benchmark.txt are reported in docs/benchmarks.md.
/// </summary>
public sealed class ImportAtScaleTests
{
    [Fact]
    public async Task FetchAndImport_TwentyThousandClients_StagesAndAppliesEveryOne()
    {
        const int clients = 20_000;
        await using var portal = await SandboxPortal.StartAsync(clients: clients);
        await portal.ConnectAsync();
        var services = portal.App.Services;
        var user = new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var imports = new ImportService(factory, user, services.GetRequiredService<ImportQueue>(), services.GetRequiredService<ImportProgress>(), TimeProvider.System);
        var review = new ImportReviewService(factory, user);
        var peak = new PeakMemory();

        var fetchClock = Stopwatch.StartNew();
        var fetch = await RunAsync(portal, () => imports.StartFetchAsync(), peak);
        fetchClock.Stop();
        await review.SetAllStaffSelectedAsync(fetch.RunId, null, true);
        await review.SetAllClientsSelectedAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person), true);
        await review.SetAllClientsSelectedAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Entity), true);
        var pageClock = Stopwatch.StartNew();
        var page = await review.GetClientsAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person, Page: 100, PageSize: 50));
        pageClock.Stop();
        var importClock = Stopwatch.StartNew();
        var import = await RunAsync(portal, () => imports.StartImportAsync(fetch.RunId), peak);
        importClock.Stop();

        (fetch.ClientCount + fetch.EntityCount + fetch.ArchivedLeftOut + fetch.DeletedLeftOut).ShouldBe(clients);
        page.Items.Count.ShouldBe(50);
        var imported = await portal.App.WithDbAsync(db => db.Clients.CountAsync(c => c.XpmLink != null));
        var offered = fetch.ClientCount + fetch.EntityCount;
        imported.ShouldBe(offered);
        import.Created.ShouldBe(offered + fetch.StaffCount);
        Directory.CreateDirectory(BrowserlessResults);
        await File.WriteAllTextAsync(Path.Combine(BrowserlessResults, "import-benchmark.txt"), $"""
            clients in XPM: {clients} ({fetch.ClientCount} people, {fetch.EntityCount} entities, {fetch.StaffCount} staff)
            fetch (HTTP + XML stream + staging + matching): {fetchClock.Elapsed.TotalSeconds:0.0} s
            review page of 50 at offset 5,000: {pageClock.Elapsed.TotalMilliseconds:0} ms
            import (plan + apply {offered} clients and entities + teams + relationships): {importClock.Elapsed.TotalSeconds:0.0} s
            peak working set of the test process: {peak.Max / 1024 / 1024} MB
            """);
    }

    private static string BrowserlessResults => Path.GetDirectoryName(Portal.E2E.BrowserFixture.ScreenshotDirectory)!;

    private static async Task<ImportProgressSnapshot> RunAsync(SandboxPortal portal, Func<Task<Portal.Core.Common.Result<int>>> start, PeakMemory peak)
    {
        var started = await start();
        var finished = await ImportRunWaiter.WaitAsync(portal.App, started.Value, peak.Sample, TimeSpan.FromMinutes(5));
        finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
        return finished;
    }

    private sealed class PeakMemory
    {
        public long Max { get; private set; }

        public void Sample() => Max = Math.Max(Max, Environment.WorkingSet);
    }
}
