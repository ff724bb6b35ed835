using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;

namespace Portal.Import.Apply;

/// <summary>
/// The apply writes with prepared commands, not change tracking (<c>ApplyWriter</c>): what it writes reads back through
/// EF as EF would have written it, and a re-import with nothing changed writes no row of any portal record.
/// Writes are counted by triggers (SQLite's, or PostgreSQL's row-level ones), which fire on every INSERT, UPDATE and DELETE, even one that sets a column
/// to the value it already has.
/// </summary>
public sealed class SetBasedApplyTests
{
    private static readonly Guid AccountManager = ImportTestData.Uuid(1001);
    private static readonly Guid JobManager = ImportTestData.Uuid(1002);

    [Fact]
    public async Task ReImport_NothingChanged_WritesNoRecordRow()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(Practice()));
        await InstallWriteLogAsync(harness);

        var run = await harness.ImportAsync(await harness.FetchAsync(Practice()));

        (run.Status, run.Created, run.Updated, run.Linked).ShouldBe((ImportRunStatus.Succeeded, 0, 0, 0));
        (await WritesAsync(harness)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReImport_OnePhoneChanged_UpdatesOnlyThatClientsChangedColumns()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(Practice()));
        await InstallWriteLogAsync(harness);
        var rows = Practice();
        ((StagedClient)rows[4]).Phone = "09 555 0199";

        var run = await harness.ImportAsync(await harness.FetchAsync(rows));

        run.Updated.ShouldBe(1);
        var writes = await WritesAsync(harness);
        writes.ShouldContain("UPDATE Clients");
        writes.ShouldContain("INSERT AuditEntries");
        writes.ShouldNotContain(w => w.StartsWith("DELETE") || w.StartsWith("INSERT Clients") || w.Contains("TeamMembers") || w.Contains("Relationships"));
        var client = await harness.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Name == "Ana Whitfield"));
        client.Phone.ShouldBe("09 555 0199");
        client.XpmLink!.UpdatedByRunId.ShouldBe(run.Id);
    }

    [Fact]
    public async Task ReImport_OneRelationshipChangedAndOneAdded_UpdatesThatRowOnlyAndInsertsTheNewOne()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync([.. Practice(), BenIs("Shareholder", 900)]));
        await InstallWriteLogAsync(harness);
        var rows = Practice();
        ((StagedRelationship)rows[5]).NumberOfShares = 25;

        await harness.ImportAsync(await harness.FetchAsync([.. rows, BenIs("Shareholder", 900), BenIs("Secretary", 901)]));

        var writes = await WritesAsync(harness);
        (writes.Count(w => w == "UPDATE Relationships"), writes.Count(w => w == "INSERT Relationships")).ShouldBe((1, 1));
        var relationships = await harness.WithDbAsync(db => db.Relationships.AsNoTracking().OrderBy(r => r.Type)
            .Select(r => new { r.Type, r.RelatedClient!.Name, r.NumberOfShares, r.XpmUuid }).ToListAsync());
        relationships.Select(r => (r.Type, r.Name, r.NumberOfShares, r.XpmUuid)).ShouldBe(
        [
            ("Director", "Ana Whitfield", (int?)25, (Guid?)ImportTestData.Uuid(899)),
            ("Secretary", "Ben Ng", null, ImportTestData.Uuid(901)),
            ("Shareholder", "Ben Ng", null, ImportTestData.Uuid(900)),
        ]);

        // The entity and Ben Ng as Practice() stages them.
        static StagedRelationship BenIs(string type, int uuid) => new()
        {
            XpmUuid = ImportTestData.Uuid(uuid), ClientUuid = ImportTestData.Uuid(3), RelatedClientUuid = ImportTestData.Uuid(2), RelatedClientName = "Ben Ng", Type = type,
        };
    }

    [Fact]
    public async Task Import_NewClients_ReadBackThroughEfAsWritten()
    {
        await using var harness = await ImportHarness.CreateAsync();

        var run = await harness.ImportAsync(await harness.FetchAsync(Practice()));

        run.Created.ShouldBe(5); // two staff, three clients
        var ana = await harness.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Team).Include(c => c.RelatedTo)
            .SingleAsync(c => c.Name == "Ana Whitfield"));
        (ana.Kind, ana.FirstName, ana.LastName, ana.Email, ana.Phone, ana.DateOfBirth).ShouldBe(
            (ClientKind.Person, "Ana", "Whitfield", "ana@example.com", "09 555 0100", new DateOnly(1980, 2, 29)));
        (ana.PhysicalAddress.Street, ana.PhysicalAddress.City, ana.PhysicalAddress.PostCode).ShouldBe(("1 Queen Street", "Auckland", "1010"));
        ana.XpmLink.ShouldNotBeNull();
        (ana.XpmLink.XpmUuid, ana.XpmLink.IsNew, ana.XpmLink.MatchReason, ana.XpmLink.LinkedByRunId, ana.XpmLink.WebUrl)
            .ShouldBe((ImportTestData.Uuid(1), true, "Created", run.Id, "https://practicemanager.xero.com/Client/1/Detail"));
        ana.XpmLink.ConfirmedBy.ShouldBe(harness.User.User.Name);
        ana.XpmLink.LastSyncedAt.ShouldNotBeNull();
        ana.XpmLink.LastSyncedValues.ShouldNotBeNullOrEmpty();
        ana.Team.Select(t => t.Role).Order().ShouldBe([TeamRole.AccountManager, TeamRole.JobManager]);
        ana.RelatedTo.Single().Type.ShouldBe("Director");
        var outcome = await harness.WithDbAsync(db => db.Set<ImportOutcome>().AsNoTracking().SingleAsync(o => o.RunId == run.Id && o.XpmUuid == ImportTestData.Uuid(1)));
        (outcome.Action, outcome.PortalRecordId, outcome.BeforeJson).ShouldBe((ImportAction.Create, ana.Id, null));
        (await harness.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordId == ana.Id && a.RunId == run.Id))).ShouldBeGreaterThan(0);
    }

    /// <summary>Two staff, two people on their team, an entity with one of them as a director.</summary>
    private static object[] Practice()
    {
        var ana = ImportHarness.Person(1, "Ana Whitfield", "ana@example.com", "09 555 0100", selected: true);
        ana.DateOfBirth = new DateOnly(1980, 2, 29);
        ana.PhysicalAddress = new Address { Street = "1 Queen Street", City = "Auckland", PostCode = "1010" };
        ana.WebUrl = "https://practicemanager.xero.com/Client/1/Detail";
        var ben = ImportHarness.Person(2, "Ben Ng", "ben@example.com", selected: true);
        var company = new StagedClient
        {
            XpmUuid = ImportTestData.Uuid(3), Kind = ClientKind.Entity, Name = "Whitfield Holdings Ltd",
            BusinessStructure = "Company", Email = "office@whitfield.example", IsSelected = true,
        };
        foreach (var client in new[] { ana, ben, company })
        {
            (client.AccountManagerUuid, client.JobManagerUuid) = (AccountManager, JobManager);
        }

        return
        [
            ImportHarness.Staff(1, "Anna Account", selected: true), ImportHarness.Staff(2, "Joe Job", selected: true),
            company, ben, ana,
            new StagedRelationship
            {
                XpmUuid = ImportTestData.Uuid(899), ClientUuid = company.XpmUuid, RelatedClientUuid = ana.XpmUuid, RelatedClientName = ana.Name,
                Type = "Director", NumberOfShares = 10,
            },
        ];
    }

    /// <summary>A log row per INSERT, UPDATE and DELETE on every table of a portal record and on the outcome rows (not the run row or the staging).</summary>
    private static async Task InstallWriteLogAsync(ImportHarness harness)
    {
        await using var db = harness.Database.CreateDbContext();
        var postgres = harness.Database.Provider == DatabaseProvider.Postgres;
        await db.Database.ExecuteSqlRawAsync(postgres
            ? "CREATE TABLE \"WriteLog\" (\"Id\" SERIAL PRIMARY KEY, \"Write\" TEXT NOT NULL)"
            : "CREATE TABLE \"WriteLog\" (\"Id\" INTEGER PRIMARY KEY, \"Write\" TEXT NOT NULL)");
        if (postgres)
        {
            // A row-level trigger fires for a same-value UPDATE too, as SQLite's does.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION log_write() RETURNS trigger AS $$
                BEGIN INSERT INTO "WriteLog" ("Write") VALUES (TG_OP || ' ' || TG_TABLE_NAME); RETURN NULL; END;
                $$ LANGUAGE plpgsql
                """);
        }

        foreach (var table in RecordTables(db))
        {
            foreach (var op in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                // Table names from the EF model, not user input; DDL takes no parameters.
                var sql = postgres
                    ? $"CREATE TRIGGER \"Log{op}{table}\" AFTER {op} ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION log_write()"
                    : $"CREATE TRIGGER \"Log{op}{table}\" AFTER {op} ON \"{table}\" BEGIN INSERT INTO \"WriteLog\" (\"Write\") VALUES ('{op} {table}'); END";
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }
    }

    private static IEnumerable<string> RecordTables(PortalDbContext db) => db.Model.GetEntityTypes()
        .Where(t => t.ClrType != typeof(ImportRun) && t.ClrType.Namespace != typeof(StagedClient).Namespace)
        .Select(t => t.GetTableName())
        .OfType<string>()
        .Distinct();

    private static Task<List<string>> WritesAsync(ImportHarness harness) =>
        harness.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Write\" AS \"Value\" FROM \"WriteLog\" ORDER BY \"Id\"").ToListAsync());
}
