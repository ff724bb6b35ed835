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
using Portal.Infrastructure;
using Portal.Xpm.Connection;

namespace Portal.Import.Apply;

/// <summary>"Confirm and import data" on real SQLite, from a fetch of the sandbox over HTTP.</summary>
public sealed class ImportRunTests
{
    private sealed class Importer(SandboxPortal portal)
    {
        private readonly FakeCurrentUser _user = new(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));

        public SandboxPortal Portal => portal;

        public ImportService Imports => new(Factory, _user, Get<ImportQueue>(), Get<ImportProgress>(), TimeProvider.System);

        public ImportReviewService Review => new(Factory, _user);

        private IDbContextFactory<PortalDbContext> Factory => Get<IDbContextFactory<PortalDbContext>>();

        private T Get<T>() where T : notnull => portal.App.Services.GetRequiredService<T>();

        public async Task<ImportProgressSnapshot> RunAsync(Func<Task<Portal.Core.Common.Result<int>>> start)
        {
            var started = await start();
            started.Error.ShouldBeNull();
            var finished = await ImportRunWaiter.WaitAsync(portal.App, started.Value);
            finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
            return finished;
        }

        public Task<ImportProgressSnapshot> FetchAsync() => RunAsync(() => Imports.StartFetchAsync());

        /// <summary>Ticks the named people and entities and all staff, as the stepper would.</summary>
        public async Task SelectAsync(int fetchId, string[] people, string[] entities, ImportDetailLevel level = ImportDetailLevel.AllContactDetails)
        {
            await Review.SetAllStaffSelectedAsync(fetchId, null, true);
            foreach (var name in people)
            {
                await Review.SetAllClientsSelectedAsync(fetchId, new ClientReviewQuery(ClientKind.Person, name), true);
            }

            foreach (var name in entities)
            {
                await Review.SetAllClientsSelectedAsync(fetchId, new ClientReviewQuery(ClientKind.Entity, name), true);
            }

            await Review.SetDetailLevelAsync(fetchId, level);
        }

        public Task<ImportProgressSnapshot> ImportAsync(int fetchId) => RunAsync(() => Imports.StartImportAsync(fetchId));

        public Task<Client> ClientAsync(string name) => portal.App.WithDbAsync(db => db.Clients.AsNoTracking()
            .Include(c => c.Team).ThenInclude(t => t.StaffMember).Include(c => c.RelatedTo).ThenInclude(r => r.Entity)
            .SingleAsync(c => c.Name == name));
    }

    private static async Task<Importer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var portal = await SandboxPortal.StartAsync(settings: settings);
        await portal.ConnectAsync();
        return new Importer(portal);
    }

    [Fact]
    public async Task Import_Selection_CreatesLinkedClientsWithTeamsAndRelationships()
    {
        var importer = await StartAsync();
        await using var _ = importer.Portal;
        var fetch = await importer.FetchAsync();
        await importer.SelectAsync(fetch.RunId, [SandboxWellKnown.AnaWhitfieldName], [SandboxWellKnown.KowhaiRidgeOrchardsName]);

        var import = await importer.ImportAsync(fetch.RunId);

        import.Created.ShouldBe(2 + importer.Portal.Practice.Current.Staff.Count);
        var ana = await importer.ClientAsync(SandboxWellKnown.AnaWhitfieldName);
        (ana.Kind, ana.Email, ana.XpmLink!.XpmUuid, ana.XpmLink.IsNew).ShouldBe((ClientKind.Person, "ana@kowhairidge.example", SandboxWellKnown.AnaWhitfield, true));
        ana.Phone.ShouldNotBeNull();
        ana.XpmLink.LastSyncedValues.ShouldNotBeNull().ShouldContain("ana@kowhairidge.example");
        ana.Team.Select(t => (t.Role, t.StaffMember!.Name)).ShouldBe(
            [(TeamRole.AccountManager, SandboxWellKnown.MereTautahiName), (TeamRole.JobManager, SandboxWellKnown.SioneFifitaName)], ignoreOrder: true);
        ana.RelatedTo.Select(r => (r.Type, r.Entity!.Name)).ShouldContain(("Director", SandboxWellKnown.KowhaiRidgeOrchardsName));
        var kowhai = await importer.ClientAsync(SandboxWellKnown.KowhaiRidgeOrchardsName);
        (kowhai.Kind, kowhai.BusinessStructure).ShouldBe((ClientKind.Entity, "Company"));
    }

    [Fact]
    public async Task Reimport_WithNothingChangedInXpm_CreatesAndChangesNothing()
    {
        var importer = await StartAsync();
        await using var _ = importer.Portal;
        var first = await importer.FetchAsync();
        await importer.SelectAsync(first.RunId, [SandboxWellKnown.AnaWhitfieldName, SandboxWellKnown.ChloeDubois], [SandboxWellKnown.KowhaiRidgeOrchardsName]);
        await importer.ImportAsync(first.RunId);
        var clients = await importer.Portal.App.WithDbAsync(db => db.Clients.CountAsync());
        var relationships = await importer.Portal.App.WithDbAsync(db => db.Relationships.CountAsync());
        var second = await importer.FetchAsync();
        await importer.SelectAsync(second.RunId, [SandboxWellKnown.AnaWhitfieldName, SandboxWellKnown.ChloeDubois], [SandboxWellKnown.KowhaiRidgeOrchardsName]);

        var again = await importer.ImportAsync(second.RunId);

        (again.Created, again.Updated, again.Linked).ShouldBe((0, 0, 0));
        (await importer.Portal.App.WithDbAsync(db => db.Clients.CountAsync())).ShouldBe(clients);
        (await importer.Portal.App.WithDbAsync(db => db.Relationships.CountAsync())).ShouldBe(relationships);
    }

    [Fact]
    public async Task Import_BasicDetails_WritesNameAndEmailOnly()
    {
        var importer = await StartAsync();
        await using var _ = importer.Portal;
        var fetch = await importer.FetchAsync();
        await importer.SelectAsync(fetch.RunId, [SandboxWellKnown.AnaWhitfieldName], [], ImportDetailLevel.Basic);

        await importer.ImportAsync(fetch.RunId);

        var ana = await importer.ClientAsync(SandboxWellKnown.AnaWhitfieldName);
        (ana.Email, ana.Phone, ana.PhysicalAddress.IsEmpty).ShouldBe(("ana@kowhairidge.example", (string?)null, true));
    }

    [Fact]
    public async Task Import_ExistingClientWithSameEmailAndName_IsLinkedNotDuplicated()
    {
        var importer = await StartAsync();
        await using var _ = importer.Portal;
        var existingId = await importer.Portal.App.WithDbAsync(async db =>
        {
            var client = new Client { PracticeId = 1, Name = "Ana Whitfield", FirstName = "Ana", LastName = "Whitfield", Email = "ANA@kowhairidge.example" };
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            return client.Id;
        });
        var fetch = await importer.FetchAsync();
        await importer.SelectAsync(fetch.RunId, [SandboxWellKnown.AnaWhitfieldName], []);

        var import = await importer.ImportAsync(fetch.RunId);

        import.Linked.ShouldBe(1);
        var ana = await importer.ClientAsync(SandboxWellKnown.AnaWhitfieldName);
        (ana.Id, ana.XpmLink!.XpmUuid).ShouldBe((existingId, SandboxWellKnown.AnaWhitfield));
    }

    [Fact]
    public async Task Import_HouseholdEmailSharedByTwoPeople_NeverMergesThem()
    {
        var importer = await StartAsync();
        await using var _ = importer.Portal;
        await importer.Portal.App.WithDbAsync(async db =>
        {
            db.Clients.Add(new Client { PracticeId = 1, Name = "Wiremu Ngātai", FirstName = "Wiremu", LastName = "Ngātai", Email = SandboxWellKnown.NgataiHouseholdEmail });
            return await db.SaveChangesAsync();
        });
        var fetch = await importer.FetchAsync();
        await importer.SelectAsync(fetch.RunId, ["Ngātai"], []);

        var import = await importer.ImportAsync(fetch.RunId);

        (import.Linked, import.Created - importer.Portal.Practice.Current.Staff.Count).ShouldBe((1, 1));
        var household = await importer.Portal.App.WithDbAsync(db => db.Clients.AsNoTracking()
            .Where(c => c.Email == SandboxWellKnown.NgataiHouseholdEmail).Select(c => c.Name).ToListAsync());
        household.ShouldBe([SandboxWellKnown.WiremuNgatai, SandboxWellKnown.ArohaNgatai], ignoreOrder: true);
    }

    [Fact]
    public async Task Reimport_AfterAChangeInXpm_UpdatesTheLinkedClient()
    {
        var importer = await StartAsync();
        await using var _ = importer.Portal;
        var first = await importer.FetchAsync();
        await importer.SelectAsync(first.RunId, [SandboxWellKnown.AnaWhitfieldName], []);
        await importer.ImportAsync(first.RunId);
        importer.Portal.Practice.UpdateClient(SandboxWellKnown.AnaWhitfield, c => c with { Phone = "06 555 0777" });

        var second = await importer.FetchAsync();
        await importer.SelectAsync(second.RunId, [SandboxWellKnown.AnaWhitfieldName], []);
        var import = await importer.ImportAsync(second.RunId);

        import.Updated.ShouldBe(1);
        (await importer.Portal.App.WithDbAsync(db => db.Clients.CountAsync(c => c.Name == SandboxWellKnown.AnaWhitfieldName))).ShouldBe(1);
        (await importer.ClientAsync(SandboxWellKnown.AnaWhitfieldName)).Phone.ShouldBe("06 555 0777");
    }

    [Fact]
    public async Task OutcomeFile_AfterAnImport_ListsEachRecordWithItsActionAndChanges()
    {
        var importer = await StartAsync();
        await using var _ = importer.Portal;
        var fetch = await importer.FetchAsync();
        await importer.SelectAsync(fetch.RunId, [SandboxWellKnown.AnaWhitfieldName], [SandboxWellKnown.KowhaiRidgeOrchardsName]);
        var import = await importer.ImportAsync(fetch.RunId);

        var csv = System.Text.Encoding.UTF8.GetString((await importer.Imports.GetOutcomeCsvAsync(import.RunId)).Value!).TrimStart('\uFEFF');
        var history = await importer.Imports.GetHistoryAsync();

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Record,Type,XPM UUID,Action,Fields changed,Reason");
        lines.ShouldContain(l => l.StartsWith("Ana Whitfield,Client,43fdc385-d166-48e8-8919-370f806797ee,Create,") && l.Contains("Email: ana@kowhairidge.example"));
        lines.ShouldContain(l => l.StartsWith("Kowhai Ridge Orchards Ltd,Entity,"));
        // A created staff member's values, as a created client's: not "(blank) → value".
        var staff = importer.Portal.Practice.Current.Staff[0];
        lines.ShouldContain(l => l.StartsWith($"{staff.Name},Staff,") && l.Contains($"Email: {staff.Email}"));
        lines.ShouldNotContain(l => l.Contains("(blank) →"));
        lines.Length.ShouldBe(1 + 2 + importer.Portal.Practice.Current.Staff.Count);
        var row = history.ShouldHaveSingleItem();
        (row.StartedBy, row.SelectedStaff, row.SelectedClients, row.SelectedEntities, row.Created)
            .ShouldBe(("Sam Staff", importer.Portal.Practice.Current.Staff.Count, 1, 1, import.Created));
    }

    [Fact]
    public async Task Import_InterruptedMidApply_ResumesAfterARestartWithoutDuplicatesAndTheReviewShowsTheOutcome()
    {
        using var shared = new TempDirectory();
        var connectionString = $"Data Source={Path.Combine(shared.Path, "portal.db")}";
        var importer = await StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = connectionString });
        int fetchId, runId;
        var staff = importer.Portal.Practice.Current.Staff.Count;
        await using (importer.Portal)
        {
            fetchId = (await importer.FetchAsync()).RunId;
            await importer.SelectAsync(fetchId, [SandboxWellKnown.AnaWhitfieldName], [SandboxWellKnown.KowhaiRidgeOrchardsName]);
            // As if the process died mid-apply: the import confirmed and Running, the batch with Ana committed, Kowhai Ridge's not.
            runId = await importer.Portal.App.WithDbAsync(async db =>
            {
                db.Clients.Add(new Client
                {
                    PracticeId = 1, Name = SandboxWellKnown.AnaWhitfieldName, Email = SandboxWellKnown.AnaWhitfieldEmail,
                    XpmLink = new XpmLink { XpmUuid = SandboxWellKnown.AnaWhitfield, LinkedAt = DateTime.UtcNow, IsNew = true },
                });
                var run = new ImportRun
                {
                    PracticeId = 1, Kind = ImportRunKind.Import, Status = ImportRunStatus.Running, StartedBy = "Sam Staff", FetchRunId = fetchId,
                    Attempts = 1, CreatedAt = DateTime.UtcNow, SelectedStaff = staff, SelectedClients = 1, SelectedEntities = 1,
                    // Leased to this node, as the dying process left it: this still-running app does not take it, the restart does.
                    LeaseOwner = Environment.MachineName, LeaseExpiresAt = DateTime.UtcNow.AddHours(1),
                };
                db.Add(run);
                await db.SaveChangesAsync();
                return run.Id;
            });
        }

        await using var restarted = new PortalAppFactory { Settings = { ["ConnectionStrings:Portal"] = connectionString } };
        restarted.CreateClient();
        await ImportRunWaiter.WaitAsync(restarted, runId);
        var resumed = await restarted.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));

        (resumed.Status, resumed.Attempts, resumed.Created).ShouldBe((ImportRunStatus.Succeeded, 2, 1 + staff));
        var names = await restarted.WithDbAsync(db => db.Clients.Select(c => c.Name).ToListAsync());
        names.Count(n => n == SandboxWellKnown.AnaWhitfieldName).ShouldBe(1);
        names.Count(n => n == SandboxWellKnown.KowhaiRidgeOrchardsName).ShouldBe(1);
        (await restarted.WithDbAsync(db => db.Relationships.CountAsync(r => r.Type == "Director"))).ShouldBe(1);
        var review = (await new ImportReviewService(restarted.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null))).GetAsync(fetchId)).Value!;
        (review.State, review.Import!.RunId, review.Import.Created, review.PeopleSelected).ShouldBe((ReviewState.Imported, runId, 1 + staff, 1));
    }
}
