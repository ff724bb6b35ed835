using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Sync;

namespace Portal.Import.Apply;

/// <summary>A record unchanged in XPM and in the portal since the last import is counted as unchanged, not read or written.</summary>
public sealed class UnchangedSinceImportTests
{
    private static readonly Guid AccountManager = ImportTestData.Uuid(1001);

    [Fact]
    public async Task ReImport_NothingChanged_CountsEveryStaffMemberAndClientUnchangedWithoutAnOutcomeRow()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(Practice()));

        var run = await harness.ImportAsync(await harness.FetchAsync(Practice()));

        (run.Created, run.Updated, run.Linked, run.Skipped, run.ItemsDone, run.ItemsTotal).ShouldBe((0, 0, 0, 4, 4, 4)); // one staff, three clients
        var outcomes = await harness.WithDbAsync(db => db.Set<ImportOutcome>().AsNoTracking().Where(o => o.RunId == run.Id).ToListAsync());
        outcomes.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReImport_OneClientChangedInXpm_PlansOnlyThatClient()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(Practice()));
        var rows = Practice();
        rows.OfType<StagedClient>().Single(c => c.Name == "Ben Ng").Phone = "09 555 0199";

        var run = await harness.ImportAsync(await harness.FetchAsync(rows));

        (run.Updated, run.Skipped).ShouldBe((1, 3));
        var outcomes = await harness.WithDbAsync(db => db.Set<ImportOutcome>().AsNoTracking().Where(o => o.RunId == run.Id && o.RecordType != "Staff").ToListAsync());
        outcomes.Select(o => (o.Name, o.Action)).ShouldBe([("Ben Ng", ImportAction.Update)]);
    }

    [Fact]
    public async Task ReImport_AfterAPortalEdit_PlansThatClientAgainAndKeepsTheEdit()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(Practice()));
        await harness.WithDbAsync(async db =>
        {
            var ana = await db.Clients.SingleAsync(c => c.Name == "Ana Whitfield");
            ana.Phone = "021 000 111";
            ana.XpmLink!.PendingSyncFields = nameof(ImportField.Phone);
            return await db.SaveChangesAsync();
        });

        var run = await harness.ImportAsync(await harness.FetchAsync(Practice()));

        var outcome = await harness.WithDbAsync(db => db.Set<ImportOutcome>().AsNoTracking().SingleAsync(o => o.RunId == run.Id && o.RecordType != "Staff"));
        (outcome.Name, outcome.Action).ShouldBe(("Ana Whitfield", ImportAction.Unchanged));
        outcome.Reason.ShouldNotBeNull().ShouldContain("Phone was changed in the portal");
        (await harness.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Name == "Ana Whitfield"))).Phone.ShouldBe("021 000 111");
    }

    [Fact]
    public async Task ReImport_AtAnotherDetailLevel_PlansEveryClientAgain()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(ImportDetailLevel.Basic, Practice()));

        var run = await harness.ImportAsync(await harness.FetchAsync(ImportDetailLevel.AllContactDetails, Practice()));

        (await harness.WithDbAsync(db => db.Set<ImportOutcome>().CountAsync(o => o.RunId == run.Id && o.RecordType != "Staff"))).ShouldBe(3);
        (await harness.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Name == "Ana Whitfield"))).Phone.ShouldBe("09 555 0100");
    }

    [Fact]
    public async Task ReImport_AtBasicAfterAnImportAtAllContactDetails_SkipsEveryUnchangedClient()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(ImportDetailLevel.AllContactDetails, Practice()));

        var run = await harness.ImportAsync(await harness.FetchAsync(ImportDetailLevel.Basic, Practice()));

        (run.Skipped, await harness.WithDbAsync(db => db.Set<ImportOutcome>().CountAsync(o => o.RunId == run.Id && o.RecordType != "Staff"))).ShouldBe((4, 0));
    }

    [Fact]
    public async Task ReImport_AfterAConflictPolicyChanged_PlansEveryClientAgain()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(Practice()));
        await harness.WithDbAsync(db =>
        {
            db.Add(new SyncFieldPolicy { PracticeId = harness.Database.PracticeId, Field = ImportField.Phone, Policy = ConflictPolicy.XpmWins });
            return db.SaveChangesAsync();
        });

        var run = await harness.ImportAsync(await harness.FetchAsync(Practice()));

        (await harness.WithDbAsync(db => db.Set<ImportOutcome>().CountAsync(o => o.RunId == run.Id && o.RecordType != "Staff"))).ShouldBe(3);
    }

    [Fact]
    public async Task Review_AfterAnImportWithNothingChanged_PreviewsEveryClientUnchangedAndCountsNoChangeAtEitherLevel()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(Practice()));
        var fetchId = await harness.FetchAsync(Practice());

        var preview = (await harness.Review.PreviewAsync(fetchId)).Value.ShouldNotBeNull();
        var changes = await harness.Review.GetDetailLevelChangesAsync(fetchId);

        (preview.Clients.Unchanged, preview.Entities.Unchanged, preview.Clients.ToWrite + preview.Entities.ToWrite).ShouldBe((2, 1, 0));
        changes.ShouldBe(new DetailLevelChanges(new DetailLevelChanges.Count(0, 0), new DetailLevelChanges.Count(0, 0)));
    }

    [Fact]
    public async Task Review_OneClientChangedInXpm_PreviewsThatChangeAndCountsIt()
    {
        await using var harness = await ImportHarness.CreateAsync();
        await harness.ImportAsync(await harness.FetchAsync(Practice()));
        var rows = Practice();
        rows.OfType<StagedClient>().Single(c => c.Name == "Ben Ng").Phone = "09 555 0199";
        var fetchId = await harness.FetchAsync(rows);

        var preview = (await harness.Review.PreviewAsync(fetchId)).Value.ShouldNotBeNull();
        var changes = await harness.Review.GetDetailLevelChangesAsync(fetchId);

        (preview.Clients.Update, preview.Clients.Unchanged, preview.Entities.Unchanged).ShouldBe((1, 1, 1));
        preview.Changes.Select(e => e.Name).ShouldBe(["Ben Ng"]);
        changes.AllContactDetails.ShouldBe(new DetailLevelChanges.Count(1, 0));
    }

    /// <summary>One staff member, two people on their team and an entity.</summary>
    private static object[] Practice()
    {
        var ana = ImportHarness.Person(1, "Ana Whitfield", "ana@example.com", "09 555 0100", selected: true);
        var ben = ImportHarness.Person(2, "Ben Ng", "ben@example.com", selected: true);
        var company = new StagedClient
        {
            XpmUuid = ImportTestData.Uuid(3), Kind = ClientKind.Entity, Name = "Whitfield Holdings Ltd",
            BusinessStructure = "Company", Email = "office@whitfield.example", IsSelected = true,
        };
        foreach (var client in new[] { ana, ben, company })
        {
            client.AccountManagerUuid = AccountManager;
        }

        return [ImportHarness.Staff(1, "Anna Account", selected: true), company, ben, ana];
    }
}
