using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Clients;
using Portal.Core.Email;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;
using Portal.Xpm.Connection;

namespace Portal.Import.Fetch;

/// <summary>"Import Data" end to end: the worker, the real XPM client and the sandbox over HTTP, real SQLite.</summary>
public sealed class FetchRunTests
{
    private static ImportService ServiceFor(SandboxPortal portal) => new(
        portal.App.Services.GetRequiredService<IDbContextFactory<Portal.Core.Data.PortalDbContext>>(),
        new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null)),
        portal.App.Services.GetRequiredService<ImportQueue>(),
        portal.App.Services.GetRequiredService<ImportProgress>(),
        TimeProvider.System);

    private static ImportReviewService ReviewFor(SandboxPortal portal) => new(
        portal.App.Services.GetRequiredService<IDbContextFactory<Portal.Core.Data.PortalDbContext>>(),
        new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null)));

    private static Task<ImportProgressSnapshot> FinishedAsync(SandboxPortal portal, int runId) =>
        ImportRunWaiter.WaitAsync(portal.App, runId);

    /// <summary>
    /// The run is announced finished once its row is saved; the email follows (the first send of a process takes
    /// ~150 ms). Waits for it, then checks it is the only one.
    /// </summary>
    private static async Task<OutboxEmail> FirstEmailAsync(SandboxPortal portal)
    {
        var outbox = portal.App.Services.GetRequiredService<EmailOutbox>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<OutboxEmail> emails;
        while ((emails = await outbox.ListAsync()).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return emails.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task StartFetch_Connected_StagesStaffClientsAndEntitiesAndEmailsTheStarter()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();

        var runId = (await ServiceFor(portal).StartFetchAsync()).Value;
        var finished = await FinishedAsync(portal, runId);

        finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
        var practice = portal.Practice.Current;
        var offered = practice.Clients.Where(c => !c.IsArchived && !c.IsDeleted).ToList();
        var people = offered.Count(c => c.IsIndividual);
        (finished.StaffCount, finished.ClientCount, finished.EntityCount)
            .ShouldBe((practice.Staff.Count, people, offered.Count - people));
        var kowhai = await portal.App.WithDbAsync(db => db.Set<StagedClient>().AsNoTracking().SingleAsync(c => c.RunId == runId && c.XpmUuid == SandboxWellKnown.KowhaiRidgeOrchards));
        (kowhai.Kind, kowhai.BusinessStructure, kowhai.AccountManagerUuid).ShouldBe((ClientKind.Entity, "Company", SandboxWellKnown.MereTautahi));
        var relationships = await portal.App.WithDbAsync(db => db.Set<StagedRelationship>().AsNoTracking()
            .Where(r => r.RunId == runId && r.ClientUuid == SandboxWellKnown.KowhaiRidgeOrchards).Select(r => r.Type).ToListAsync());
        relationships.ShouldContain("Director");
        var email = (await FirstEmailAsync(portal));
        (email.Subject, email.To.Contains("sam@practice.example")).ShouldBe(("Your Xero Practice Manager data is ready to review", true));
        email.TextBody.ShouldNotBeNull().ShouldContain("/configure/integrations/xpm");
    }

    [Fact]
    public async Task StartFetch_WithArchivedAndDeletedClients_CountsWhatTheReviewOffers()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        portal.Practice.ArchiveClient(SandboxWellKnown.AnaWhitfield);

        var runId = (await ServiceFor(portal).StartFetchAsync()).Value;
        var finished = await FinishedAsync(portal, runId);

        var review = (await ReviewFor(portal).GetAsync(runId)).Value!;
        (finished.ClientCount, finished.EntityCount).ShouldBe((review.PeopleTotal, review.EntitiesTotal));
        var leftOut = portal.Practice.Current.Clients;
        (finished.ArchivedLeftOut, finished.DeletedLeftOut).ShouldBe((leftOut.Count(c => c.IsArchived && !c.IsDeleted), leftOut.Count(c => c.IsDeleted)));
        finished.ArchivedLeftOut.ShouldBeGreaterThan(1); // Ana, and the sandbox's own archived company
        var email = (await FirstEmailAsync(portal));
        email.TextBody.ShouldNotBeNull().ShouldContain($"{FetchSummary.Offered(finished)}.{FetchSummary.LeftOut(finished)}");
    }

    [Fact]
    public async Task Fetch_Succeeded_RemovesTheStagingOfOlderFetches()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        var older = (await FinishedAsync(portal, (await ServiceFor(portal).StartFetchAsync()).Value)).RunId;

        var newer = (await FinishedAsync(portal, (await ServiceFor(portal).StartFetchAsync()).Value)).RunId;

        (await portal.App.WithDbAsync(db => db.Set<StagedClient>().CountAsync(c => c.RunId == older))).ShouldBe(0);
        (await portal.App.WithDbAsync(db => db.Set<StagedStaff>().CountAsync(s => s.RunId == older))).ShouldBe(0);
        (await portal.App.WithDbAsync(db => db.Set<StagedRelationship>().CountAsync(r => r.RunId == older))).ShouldBe(0);
        (await portal.App.WithDbAsync(db => db.Set<StagedClient>().CountAsync(c => c.RunId == newer))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task StartFetch_WhileOneIsRunning_SaysSoAndStartsNoSecond()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        portal.Faults.DetailedListLatency = TimeSpan.FromSeconds(2);
        var service = ServiceFor(portal);
        var first = (await service.StartFetchAsync()).Value;

        var second = await service.StartFetchAsync();

        second.Error.ShouldBeOfType<ImportAlreadyRunningError>().RunId.ShouldBe(first);
        (await FinishedAsync(portal, first)).Status.ShouldBe(ImportRunStatus.Succeeded);
        (await portal.App.WithDbAsync(db => db.Set<ImportRun>().CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Fetch_ThatMeets429sAnd5xx_StillCompletes()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        portal.Faults.RetryAfter = TimeSpan.FromSeconds(1);
        portal.Faults.InjectNext(SandboxFaultKind.TooManyRequests, 2);
        portal.Faults.InjectNext(SandboxFaultKind.ServiceUnavailable, 1);

        var runId = (await ServiceFor(portal).StartFetchAsync()).Value;
        var finished = await FinishedAsync(portal, runId);

        finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
        finished.StaffCount.ShouldBe(portal.Practice.Current.Staff.Count);
        portal.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task Fetch_WithBrokenXml_FailsWithAClearMessageAndKeepsNothing()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        portal.Faults.InjectNext(SandboxFaultKind.MalformedXml, 1, "client.api/list");

        var runId = (await ServiceFor(portal).StartFetchAsync()).Value;
        var finished = await FinishedAsync(portal, runId);

        finished.Status.ShouldBe(ImportRunStatus.Failed);
        finished.Error.ShouldNotBeNull().ShouldContain("XML", Case.Insensitive);
        (await portal.App.WithDbAsync(db => db.Set<StagedClient>().CountAsync())).ShouldBe(0);
        (await portal.App.WithDbAsync(db => db.Set<StagedStaff>().CountAsync())).ShouldBe(0);
        (await portal.App.WithDbAsync(db => db.Clients.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Cancel_RunningFetch_IsRecordedAsCancelled()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        portal.Faults.DetailedListLatency = TimeSpan.FromSeconds(20);
        var service = ServiceFor(portal);
        var runId = (await service.StartFetchAsync()).Value;

        (await service.CancelAsync(runId)).Succeeded.ShouldBeTrue();
        var finished = await FinishedAsync(portal, runId);

        finished.Status.ShouldBe(ImportRunStatus.Cancelled);
    }

    [Fact]
    public async Task StartFetch_NotConnected_SaysHowToConnect()
    {
        await using var portal = await SandboxPortal.StartAsync();

        var result = await ServiceFor(portal).StartFetchAsync();

        result.Error!.Message.ShouldContain("not connected");
    }

    [Fact]
    public async Task Restart_WithARunLeftRunning_PicksItUpInsteadOfLeavingItStuck()
    {
        using var shared = new TempDirectory();
        var connectionString = $"Data Source={Path.Combine(shared.Path, "portal.db")}";
        await using var first = new PortalAppFactory { Settings = { ["ConnectionStrings:Portal"] = connectionString } };
        first.CreateClient();
        var runId = await first.WithDbAsync(async db =>
        {
            // Leased to this node, as a dying process leaves it: the first app does not take it, the restart does.
            var run = new ImportRun
            {
                PracticeId = 1, Kind = ImportRunKind.Fetch, Status = ImportRunStatus.Running, StartedBy = "Sam", Attempts = 1, CreatedAt = DateTime.UtcNow,
                LeaseOwner = Environment.MachineName, LeaseExpiresAt = DateTime.UtcNow.AddHours(1),
            };
            db.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        await first.DisposeAsync();

        // The same database, a new process: the worker must not leave the run Running.
        await using var second = new PortalAppFactory { Settings = { ["ConnectionStrings:Portal"] = connectionString } };
        second.CreateClient();
        await ImportRunWaiter.WaitAsync(second, runId, timeout: TimeSpan.FromSeconds(30));
        var run = await second.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));

        run.IsActive.ShouldBeFalse();
        run.Attempts.ShouldBe(2);
        // No XPM connection in this database: the resumed fetch fails with the reason, never silently.
        run.Error.ShouldNotBeNull().ShouldContain("not connected");
    }
}
