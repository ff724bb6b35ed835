using Microsoft.EntityFrameworkCore;
using Portal.Core.Import;
using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using static Portal.Import.ImportTestData;

namespace Portal.Import.Review;

/// <summary>"Confirm and import data" freezes the selection; only the newest fetch can be imported, and only once.</summary>
public sealed class ReviewAfterConfirmTests
{
    [Fact]
    public async Task TickingAClient_WhileTheImportIsQueued_ChangesNothingTheImportDoes()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var fetch = await harness.FetchAsync(ImportHarness.Person(1, "Ana Whitfield", selected: true), ImportHarness.Person(2, "Ben Ng"));
        var importId = (await harness.Imports.StartImportAsync(fetch)).Value;

        var ticked = await harness.Review.SetClientsSelectedAsync(fetch, [Uuid(2)], true);
        var unticked = await harness.Review.SetClientsSelectedAsync(fetch, [Uuid(1)], false);
        await harness.RunAsync(importId);

        ticked.Error.ShouldBeOfType<SelectionFrozenError>();
        unticked.Error.ShouldBeOfType<SelectionFrozenError>();
        var names = await harness.WithDbAsync(db => db.Clients.Select(c => c.Name).ToListAsync());
        names.ShouldBe(["Ana Whitfield"]);
    }

    [Fact]
    public async Task ChangingTheDetailLevel_WhileTheImportIsQueued_ChangesNothingTheImportDoes()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var fetch = await harness.FetchAsync(ImportHarness.Person(1, "Ana Whitfield", "ana@kowhai.example", "021 555 0199", selected: true));
        await harness.Review.SetDetailLevelAsync(fetch, ImportDetailLevel.Basic);
        var importId = (await harness.Imports.StartImportAsync(fetch)).Value;

        var changed = await harness.Review.SetDetailLevelAsync(fetch, ImportDetailLevel.AllContactDetails);
        await harness.RunAsync(importId);

        changed.Error.ShouldBeOfType<SelectionFrozenError>();
        var ana = await harness.WithDbAsync(db => db.Clients.SingleAsync());
        (ana.Email, ana.Phone).ShouldBe(("ana@kowhai.example", (string?)null));
    }

    [Fact]
    public async Task StartImport_OfAFetchOlderThanTheNewest_IsRefusedWithTheReason()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var older = await harness.FetchAsync(ImportHarness.Person(1, "Ana Whitfield", selected: true));
        await harness.FetchAsync(ImportHarness.Person(1, "Ana Whitfield", selected: true));

        var started = await harness.Imports.StartImportAsync(older);

        started.Error.ShouldBeOfType<NewerFetchExistsError>().Message.ShouldContain("Only the newest data can be imported");
        (await harness.WithDbAsync(db => db.Set<ImportRun>().CountAsync(r => r.Kind == ImportRunKind.Import))).ShouldBe(0);
    }

    [Fact]
    public async Task TickingAClient_OnAFetchOlderThanTheNewest_IsRefused()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var older = await harness.FetchAsync(ImportHarness.Person(1, "Ana Whitfield"));
        await harness.FetchAsync(ImportHarness.Person(1, "Ana Whitfield"));

        var ticked = await harness.Review.SetClientsSelectedAsync(older, [Uuid(1)], true);

        ticked.Error.ShouldBeOfType<NewerFetchExistsError>();
        (await harness.WithDbAsync(db => db.Set<StagedClient>().AnyAsync(c => c.RunId == older && c.IsSelected))).ShouldBeFalse();
    }

    [Fact]
    public async Task Review_AfterTheImportFailed_IsOpenAgainWithTheFailureToShow()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var fetch = await harness.FetchAsync(ImportHarness.Person(1, "Ana Whitfield", selected: true));
        var importId = (await harness.Imports.StartImportAsync(fetch)).Value;
        await harness.WithDbAsync(db => db.Set<ImportRun>().Where(r => r.Id == importId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportRunStatus.Failed).SetProperty(r => r.Error, "Database is locked.")));

        var review = (await harness.Review.GetAsync(fetch)).Value!;
        var ticked = await harness.Review.SetClientsSelectedAsync(fetch, [Uuid(1)], false);

        (review.State, review.Import!.Error).ShouldBe((ReviewState.Open, "Database is locked."));
        ticked.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task StartImport_OfAFetchAlreadyImported_IsRefused()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var fetch = await harness.FetchAsync(ImportHarness.Person(1, "Ana Whitfield", selected: true));
        await harness.ImportAsync(fetch);

        var again = await harness.Imports.StartImportAsync(fetch);

        again.Error.ShouldBeOfType<AlreadyImportedError>().Message.ShouldContain("already been imported");
    }

    [Fact]
    public async Task Import_Finished_CountsStaffInTheDoneCountAsInTheTotal()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var fetch = await harness.FetchAsync(ImportHarness.Staff(1, "Mere Tautahi", selected: true), ImportHarness.Person(1, "Ana Whitfield", selected: true));

        var import = await harness.ImportAsync(fetch);

        (import.ItemsDone, import.ItemsTotal).ShouldBe((2, 2));
    }

    [Fact]
    public async Task Import_Succeeded_RemovesTheFetchsStagedRowsAndKeepsTheHistoryAndOutcomeFile()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var fetch = await harness.FetchAsync(
            ImportHarness.Staff(1, "Mere Tautahi", selected: true), ImportHarness.Person(1, "Ana Whitfield", selected: true), ImportHarness.Person(2, "Ben Ng"),
            new StagedRelationship { ClientUuid = Uuid(1), RelatedClientUuid = Uuid(2), RelatedClientName = "Ben Ng", Type = "Partner" });

        var import = await harness.ImportAsync(fetch);

        (await harness.WithDbAsync(db => db.Set<StagedClient>().CountAsync(c => c.RunId == fetch))).ShouldBe(0);
        (await harness.WithDbAsync(db => db.Set<StagedStaff>().CountAsync(s => s.RunId == fetch))).ShouldBe(0);
        (await harness.WithDbAsync(db => db.Set<StagedRelationship>().CountAsync(r => r.RunId == fetch))).ShouldBe(0);
        var history = (await harness.Imports.GetHistoryAsync()).ShouldHaveSingleItem();
        (history.SelectedStaff, history.SelectedClients, history.Created).ShouldBe((1, 1, 2));
        var csv = System.Text.Encoding.UTF8.GetString((await harness.Imports.GetOutcomeCsvAsync(import.Id)).Value!);
        csv.ShouldContain("Ana Whitfield,Client,");
        csv.ShouldContain("Mere Tautahi,Staff,");
    }
}
