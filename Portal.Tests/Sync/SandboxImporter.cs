using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.Import;
using Portal.Infrastructure;
using Portal.Xpm.Connection;

namespace Portal.Sync;

/// <summary>The portal connected to its sandbox over HTTP, driven as staff would: Import Data, tick, confirm, edit.</summary>
internal sealed class SandboxImporter(SandboxPortal portal, XpmCallLog calls) : IAsyncDisposable
{
    private readonly FakeCurrentUser _user = new(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));

    public SandboxPortal Portal => portal;

    public ImportService Imports => new(Factory, _user, Get<ImportQueue>(), Get<ImportProgress>(), TimeProvider.System);

    public ImportReviewService Review => new(Factory, _user);

    public ClientService Clients => new(Factory, _user, TimeProvider.System, Get<Microsoft.Extensions.Options.IOptions<XpmOptions>>());

    public Portal.Core.Sync.XpmSyncService Sync => new(Factory, Get<IXpmClient>(), _user, TimeProvider.System);

    public Portal.Core.Sync.SyncRunService SyncRuns => new(Factory, _user, Get<IXpmClient>(), Get<XpmQuota>(), Get<ImportQueue>(), Get<ImportProgress>(), TimeProvider.System);

    /// <summary>"Sync data to Xero Practice Manager" for <paramref name="clientIds"/>: confirm, then wait for the run.</summary>
    public Task<ImportProgressSnapshot> SyncAsync(params int[] clientIds) => RunAsync(() => SyncRuns.StartAsync(clientIds));

    private IDbContextFactory<PortalDbContext> Factory => Get<IDbContextFactory<PortalDbContext>>();

    /// <summary>Every request the portal's XPM client sent (each attempt), as "METHOD path?query".</summary>
    public XpmCallLog Calls => calls;

    public static async Task<SandboxImporter> StartAsync(TimeProvider? time = null)
    {
        var calls = new XpmCallLog();
        var portal = await SandboxPortal.StartAsync(time: time, testServices: s => s.AddHttpClient(XpmServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new XpmCallLog.Handler(calls)));
        await portal.ConnectAsync();
        return new SandboxImporter(portal, calls);
    }

    /// <summary>Import Data (after an import: only what changed), as the Manage page starts it.</summary>
    public Task<ImportProgressSnapshot> FetchAsync(bool fullReimport = false) => RunAsync(() => Imports.StartFetchAsync(fullReimport));

    public T Get<T>() where T : notnull => portal.App.Services.GetRequiredService<T>();

    /// <summary>Import Data, tick <paramref name="people"/> (and all staff), Confirm and import data.</summary>
    public async Task<ImportProgressSnapshot> ImportAsync(params string[] people)
    {
        var fetch = await FetchAsync();
        await Review.SetAllStaffSelectedAsync(fetch.RunId, null, true);
        foreach (var name in people)
        {
            await Review.SetAllClientsSelectedAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person, name), true);
        }

        await Review.SetDetailLevelAsync(fetch.RunId, ImportDetailLevel.AllContactDetails);
        return await RunAsync(() => Imports.StartImportAsync(fetch.RunId));
    }

    public Task<Client> ClientAsync(Guid xpmUuid) => portal.App.WithDbAsync(db => db.Clients.AsNoTracking()
        .SingleAsync(c => c.XpmLink != null && c.XpmLink.XpmUuid == xpmUuid));

    public ValueTask DisposeAsync() => portal.DisposeAsync();

    private async Task<ImportProgressSnapshot> RunAsync(Func<Task<Portal.Core.Common.Result<int>>> start)
    {
        var started = await start();
        started.Error.ShouldBeNull();
        var finished = await ImportRunWaiter.WaitAsync(portal.App, started.Value);
        finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
        return finished;
    }
}
