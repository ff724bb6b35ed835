using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.Infrastructure;
using Portal.Sync;
using Portal.XpmSandbox;

namespace Portal.Import.Undo;

/// <summary>Undo an import run, on real SQLite with the sandbox over HTTP: the portal goes back to exactly what it was.</summary>
public sealed class UndoRunTests
{
    private static readonly Guid Ana = SandboxWellKnown.AnaWhitfield;

    [Fact]
    public async Task Undo_AfterCreatesAndUpdates_RestoresTheExactPreviousRows()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Phone = "06 555 0777", Email = "ana.new@example.com" });
        var before = await importer.Portal.App.WithDbAsync(PortalRows.ReadAsync);
        var second = await FullImportAsync(importer, SandboxWellKnown.AnaWhitfieldName, SandboxWellKnown.SiobhanONeill, SandboxWellKnown.ChloeDubois);
        (second.Created, second.Updated).ShouldBe((2, 1));

        var undo = await UndoAsync(importer, second.RunId);

        undo.Status.ShouldBe(ImportRunStatus.Succeeded, undo.Error);
        var after = await importer.Portal.App.WithDbAsync(PortalRows.ReadAsync);
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Undo_FirstImport_RemovesEverythingItCreated()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var before = await importer.Portal.App.WithDbAsync(PortalRows.ReadAsync);
        var first = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        var undo = await UndoAsync(importer, first.RunId);

        (await importer.Portal.App.WithDbAsync(PortalRows.ReadAsync)).ShouldBe(before);
        var run = await RunAsync(importer, undo.RunId);
        run.Kind.ShouldBe(ImportRunKind.Undo);
        run.Removed.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Undo_FieldEditedSince_IsKeptAndListed()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Phone = "06 555 0777", Email = "ana.new@example.com" });
        var second = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        (await importer.Clients.UpdateAsync(ana.Id, Edit(ana, phone: "06 555 1234"))).Value.ShouldBeTrue();

        var undo = await UndoAsync(importer, second.RunId);

        var after = await importer.Portal.App.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == ana.Id));
        (after.Phone, after.Email).ShouldBe(("06 555 1234", SandboxWellKnown.AnaWhitfieldEmail));
        var outcome = (await OutcomesAsync(importer, undo.RunId)).Single(o => o.PortalRecordId == ana.Id);
        outcome.Action.ShouldBe(ImportAction.Kept);
        outcome.Reason.ShouldNotBeNull().ShouldContain("Phone");
        outcome.FieldsChanged.ShouldNotBeNull().ShouldContain("Email");
        var csv = System.Text.Encoding.UTF8.GetString((await Manager(importer).GetOutcomeCsvAsync(undo.RunId)).Value!);
        csv.ShouldContain("Kept");
    }

    [Fact]
    public async Task StartUndo_Twice_IsRefused()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var first = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        await UndoAsync(importer, first.RunId);

        var again = await Manager(importer).StartUndoAsync(first.RunId);

        again.Error.ShouldBeOfType<AlreadyUndoneError>();
    }

    [Fact]
    public async Task StartUndo_ByStaff_IsRefused()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var first = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        var refused = await importer.Imports.StartUndoAsync(first.RunId);

        refused.Error.ShouldBeOfType<UndoManagersOnlyError>();
    }

    [Fact]
    public async Task Undo_ThenImportData_OffersTheUndoneRecordsAgain()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var first = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        await UndoAsync(importer, first.RunId);

        var again = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        var outcomes = await OutcomesAsync(importer, again.RunId);
        outcomes.Single(o => o.XpmUuid == Ana).Action.ShouldBe(ImportAction.Create);
        (await importer.ClientAsync(Ana)).Name.ShouldBe(SandboxWellKnown.AnaWhitfieldName);
    }

    /// <summary>Import Data reading every client (not only what changed), tick <paramref name="people"/> and all staff, confirm.</summary>
    internal static async Task<ImportProgressSnapshot> FullImportAsync(SandboxImporter importer, params string[] people)
    {
        var fetch = await importer.FetchAsync(fullReimport: true);
        await importer.Review.SetAllStaffSelectedAsync(fetch.RunId, null, true);
        foreach (var name in people)
        {
            await importer.Review.SetAllClientsSelectedAsync(fetch.RunId, new Portal.Core.Import.Review.ClientReviewQuery(ClientKind.Person, name), true);
        }

        var started = await importer.Imports.StartImportAsync(fetch.RunId);
        started.Error.ShouldBeNull();
        var finished = await ImportRunWaiter.WaitAsync(importer.Portal.App, started.Value);
        finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
        return finished;
    }

    internal static ImportService Manager(SandboxImporter importer) => new(
        importer.Get<IDbContextFactory<PortalDbContext>>(),
        new FakeCurrentUser(new PortalUser("Mia Manager", "mia@practice.example", PortalRoles.Manager, 1, null, null)),
        importer.Get<ImportQueue>(), importer.Get<ImportProgress>(), TimeProvider.System);

    internal static async Task<ImportProgressSnapshot> UndoAsync(SandboxImporter importer, int runId)
    {
        var started = await Manager(importer).StartUndoAsync(runId);
        started.Error.ShouldBeNull();
        var finished = await ImportRunWaiter.WaitAsync(importer.Portal.App, started.Value);
        finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
        return finished;
    }

    private static Task<ImportRun> RunAsync(SandboxImporter importer, int runId) =>
        importer.Portal.App.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == runId));

    private static Task<List<ImportOutcome>> OutcomesAsync(SandboxImporter importer, int runId) =>
        importer.Portal.App.WithDbAsync(db => db.Set<ImportOutcome>().AsNoTracking().Where(o => o.RunId == runId).ToListAsync());

    private static NewClient Edit(Client client, string? phone = null) => new()
    {
        FirstName = client.FirstName,
        LastName = client.LastName,
        DateOfBirth = client.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
        Email = client.Email,
        Phone = phone ?? client.Phone,
        Mobile = client.Mobile,
        Street = client.PhysicalAddress.Street,
        City = client.PhysicalAddress.City,
        Region = client.PhysicalAddress.Region,
        PostCode = client.PhysicalAddress.PostCode,
        Country = client.PhysicalAddress.Country,
    };
}
