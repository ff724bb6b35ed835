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
/// A practice of a few thousand clients through the real path (HTTP, OAuth, XML streaming, prepared-statement staging over
/// several batches, matching, apply), for correctness only. Speed and memory at 1,000 / 20,000 / 50,000 clients are
/// measured by Portal.Benchmarks (docs/benchmarks.md), never by a test.
/// </summary>
public sealed class ImportManyClientsTests
{
    [Fact]
    public async Task FetchAndImport_TwoThousandClients_StagesAndAppliesEveryOne()
    {
        const int clients = 2_000;
        await using var portal = await SandboxPortal.StartAsync(clients: clients);
        await portal.ConnectAsync();
        var services = portal.App.Services;
        var user = new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var imports = new ImportService(factory, user, services.GetRequiredService<ImportQueue>(), services.GetRequiredService<ImportProgress>(), TimeProvider.System);
        var review = new ImportReviewService(factory, user);

        var fetch = await RunAsync(portal, () => imports.StartFetchAsync());
        await review.SetAllStaffSelectedAsync(fetch.RunId, null, true);
        await review.SetAllClientsSelectedAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person), true);
        await review.SetAllClientsSelectedAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Entity), true);
        var page = await review.GetClientsAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person, Page: 10, PageSize: 50));
        var import = await RunAsync(portal, () => imports.StartImportAsync(fetch.RunId));

        (fetch.ClientCount + fetch.EntityCount + fetch.ArchivedLeftOut + fetch.DeletedLeftOut).ShouldBe(clients);
        page.Items.Count.ShouldBe(50);
        var imported = await portal.App.WithDbAsync(db => db.Clients.CountAsync(c => c.XpmLink != null));
        var offered = fetch.ClientCount + fetch.EntityCount;
        imported.ShouldBe(offered);
        import.Created.ShouldBe(offered + fetch.StaffCount);
    }

    private static async Task<ImportProgressSnapshot> RunAsync(SandboxPortal portal, Func<Task<Portal.Core.Common.Result<int>>> start)
    {
        var started = await start();
        var finished = await ImportRunWaiter.WaitAsync(portal.App, started.Value, timeout: TimeSpan.FromMinutes(5));
        finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
        return finished;
    }
}
