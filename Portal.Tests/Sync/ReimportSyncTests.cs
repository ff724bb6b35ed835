using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Sync;
using Portal.XpmSandbox;

namespace Portal.Sync;

/// <summary>Re-imports compared three ways (last-synced, portal, XPM), on real SQLite with the sandbox over HTTP.</summary>
public sealed class ReimportSyncTests
{
    private static readonly Guid Ana = SandboxWellKnown.AnaWhitfield;

    [Fact]
    public async Task Reimport_PhoneEditedInXpm_UpdatesOnlyThatField()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var first = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Phone = "06 555 0777" });

        var again = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        again.Updated.ShouldBe(1);
        var ana = await importer.ClientAsync(Ana);
        (ana.Phone, ana.Email, ana.XpmLink!.PendingSyncFields).ShouldBe(("06 555 0777", SandboxWellKnown.AnaWhitfieldEmail, (string?)null));
        var changed = await importer.Portal.App.WithDbAsync(db => db.AuditEntries
            .Where(a => a.RecordId == ana.Id && a.Source == AuditSource.XpmImport && a.RunId != first.RunId).Select(a => a.Field).ToListAsync());
        changed.ShouldBe(["Phone"]);
    }

    [Fact]
    public async Task Reimport_ContactMobileEditedInXpm_IsPickedUp()
    {
        await using var importer = await SandboxImporter.StartAsync();
        // Ana's own contact, shared with Kowhai Ridge (where she is a director): her mobile in XPM.
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Contacts = c.Contacts.Add(new SandboxContactLink(SandboxWellKnown.AnaWhitfieldContact, "", true)) });
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        (await importer.ClientAsync(Ana)).Mobile.ShouldBe("021 555 0199");
        importer.Portal.Practice.UpdateContact(SandboxWellKnown.AnaWhitfieldContact, c => c with { Mobile = "021 555 0100" });

        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        (await importer.ClientAsync(Ana)).Mobile.ShouldBe("021 555 0100");
    }

    [Fact]
    public async Task Reimport_EmailEditedInThePortal_IsKeptAndPendingSync()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        (await importer.Clients.UpdateAsync(ana.Id, EditOf(ana, email: "ana.w@example.com"))).Value.ShouldBeTrue();

        var again = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        again.Updated.ShouldBe(0);
        var after = await importer.ClientAsync(Ana);
        (after.Email, after.XpmLink!.PendingSyncFields).ShouldBe(("ana.w@example.com", "Email"));
        (await importer.Clients.SearchAsync(new ClientQuery(SandboxWellKnown.AnaWhitfieldName))).Items.Single().IsPendingSync.ShouldBeTrue();
    }

    [Fact]
    public async Task Reimport_EmailEditedDifferentlyOnBothSides_RecordsAConflictAndOverwritesNothing()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        await importer.Clients.UpdateAsync(ana.Id, EditOf(ana, email: "ana.portal@example.com"));
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Email = "ana.xpm@example.com" });

        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        (await importer.ClientAsync(Ana)).Email.ShouldBe("ana.portal@example.com");
        var conflict = (await importer.Portal.App.WithDbAsync(db => db.Set<SyncConflict>().AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        (conflict.ClientId, conflict.Field, conflict.BaseValue, conflict.PortalValue, conflict.XpmValue, conflict.IsOpen)
            .ShouldBe((ana.Id, ImportField.Email, SandboxWellKnown.AnaWhitfieldEmail, "ana.portal@example.com", "ana.xpm@example.com", true));
    }

    [Fact]
    public async Task Reimport_ConflictTwice_KeepsOneOpenConflict()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        await importer.Clients.UpdateAsync(ana.Id, EditOf(ana, email: "ana.portal@example.com"));
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Email = "ana.xpm@example.com" });
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Email = "ana.xpm2@example.com" });

        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        var conflict = (await importer.Portal.App.WithDbAsync(db => db.Set<SyncConflict>().AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        conflict.XpmValue.ShouldBe("ana.xpm2@example.com");
    }

    [Fact]
    public async Task Reimport_BothEditedWithXpmWinsPolicy_TakesXpm()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        await importer.Clients.UpdateAsync(ana.Id, EditOf(ana, email: "ana.portal@example.com"));
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Email = "ana.xpm@example.com" });
        await importer.Portal.App.WithDbAsync(db =>
        {
            db.Add(new SyncFieldPolicy { PracticeId = 1, Field = ImportField.Email, Policy = ConflictPolicy.XpmWins });
            return db.SaveChangesAsync();
        });

        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        var after = await importer.ClientAsync(Ana);
        (after.Email, after.XpmLink!.PendingSyncFields).ShouldBe(("ana.xpm@example.com", (string?)null));
        (await importer.Portal.App.WithDbAsync(db => db.Set<SyncConflict>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Reimport_ArchivedInXpmThenRestored_ArchivesThenRestoresTheLinkedClient()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        importer.Portal.Practice.ArchiveClient(Ana);

        var archiving = await importer.ImportAsync();

        archiving.RunId.ShouldBeGreaterThan(0);
        var archived = await importer.ClientAsync(Ana);
        (archived.IsArchived, archived.XpmLink!.IsArchivedInXpm).ShouldBe((true, true));
        (await importer.Clients.OpenAsync(archived.Id)).Value!.XpmLink!.IsArchivedInXpm.ShouldBeTrue();
        var run = await importer.Portal.App.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == archiving.RunId));
        run.Archived.ShouldBe(1);

        importer.Portal.Practice.UpdateClient(Ana, c => c with { IsArchived = false });
        await importer.ImportAsync();

        var restored = await importer.ClientAsync(Ana);
        (restored.IsArchived, restored.XpmLink!.IsArchivedInXpm).ShouldBe((false, false));
    }

    [Fact]
    public async Task Reimport_ArchivedInThePortalItself_IsNeitherMarkedNorRestoredByXpm()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var id = (await importer.ClientAsync(Ana)).Id;
        await importer.Portal.App.WithDbAsync(db => db.Clients.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true)));
        importer.Portal.Practice.ArchiveClient(Ana);

        var archiving = await importer.ImportAsync();
        importer.Portal.Practice.UpdateClient(Ana, c => c with { IsArchived = false });
        await importer.ImportAsync();

        var ana = await importer.ClientAsync(Ana);
        (ana.IsArchived, ana.XpmLink!.IsArchivedInXpm).ShouldBe((true, false));
        var run = await importer.Portal.App.WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == archiving.RunId));
        run.Archived.ShouldBe(0);
    }

    [Fact]
    public async Task Reimport_DeletedInXpm_ArchivesNeverDeletes()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        importer.Portal.Practice.DeleteClient(Ana);

        await importer.ImportAsync();

        var ana = await importer.ClientAsync(Ana);
        (ana.IsArchived, ana.XpmLink!.XpmUuid).ShouldBe((true, Ana));
    }

    private static NewClient EditOf(Client client, string? email = null) => new()
    {
        FirstName = client.FirstName,
        LastName = client.LastName,
        DateOfBirth = client.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
        Email = email ?? client.Email,
        Phone = client.Phone,
        Mobile = client.Mobile,
        Street = client.PhysicalAddress.Street,
        City = client.PhysicalAddress.City,
        Region = client.PhysicalAddress.Region,
        PostCode = client.PhysicalAddress.PostCode,
        Country = client.PhysicalAddress.Country,
    };
}
