using Portal.Core.Clients;
using Portal.Core.Sync;
using Portal.Core.Xpm;
using Portal.XpmSandbox;

namespace Portal.Sync;

/// <summary>Portal edits sent to XPM, on real SQLite with the sandbox over HTTP applying the writes.</summary>
public sealed class SyncToXpmTests
{
    private static readonly Guid Ana = SandboxWellKnown.AnaWhitfield;

    [Fact]
    public async Task SyncClient_EmailEditedInThePortal_SandboxReceivesExactlyThatUpdate()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        await importer.Clients.UpdateAsync(ana.Id, EditOf(ana, email: "ana.w@example.com"));
        var before = importer.Portal.Practice.FindClient(Ana)!;
        importer.Calls.Clear();

        var result = await importer.Sync.SyncClientAsync(ana.Id);

        result.Error.ShouldBeNull();
        importer.Calls.All.ShouldBe(["PUT /sandbox/xpm/api/practicemanager/3.1/client.api/update"]);
        var body = importer.Calls.Bodies.ShouldHaveSingleItem();
        body.ShouldContain($"<UUID>{Ana}</UUID>");
        body.ShouldContain("<Email>ana.w@example.com</Email>");
        body.ShouldNotContain("<Phone>");
        body.ShouldNotContain("<Name>");
        var after = importer.Portal.Practice.FindClient(Ana)!;
        after.ShouldBe(before with { Email = "ana.w@example.com", Modified = after.Modified });
        var link = (await importer.ClientAsync(Ana)).XpmLink!;
        (link.PendingSyncFields, link.SyncError).ShouldBe(((string?)null, (string?)null));
        SyncBase.Parse(link.LastSyncedValues).Values.Email.ShouldBe("ana.w@example.com");
    }

    [Fact]
    public async Task SyncClient_ThenReimport_ChangesNothing()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        await importer.Clients.UpdateAsync(ana.Id, EditOf(ana, email: "ana.w@example.com"));
        await importer.Sync.SyncClientAsync(ana.Id);

        var again = await importer.ImportAsync();

        (again.Updated, again.Created).ShouldBe((0, 0));
        (await importer.ClientAsync(Ana)).Email.ShouldBe("ana.w@example.com");
    }

    [Fact]
    public async Task SyncClient_XpmRepliesWithAnError_StaysPendingWithTheError()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        await importer.Clients.UpdateAsync(ana.Id, EditOf(ana, email: "ana.w@example.com"));
        importer.Portal.Faults.ErrorDescription = "Client is locked";
        importer.Portal.Faults.InjectNext(SandboxFaultKind.ErrorReply, endpoint: "client.api/update");

        var result = await importer.Sync.SyncClientAsync(ana.Id);

        result.Error.ShouldNotBeNull();
        var link = (await importer.ClientAsync(Ana)).XpmLink!;
        link.PendingSyncFields.ShouldBe("Email");
        link.SyncError.ShouldNotBeNull().ShouldContain("Client is locked");
        importer.Portal.Practice.FindClient(Ana)!.Email.ShouldBe(SandboxWellKnown.AnaWhitfieldEmail);
    }

    [Fact]
    public async Task SyncClient_MobileOfAContactSharedByTwoClients_UpdatesTheContactOnce()
    {
        await using var importer = await SandboxImporter.StartAsync();
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Contacts = c.Contacts.Add(new SandboxContactLink(SandboxWellKnown.AnaWhitfieldContact, "", true)) });
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        await importer.Clients.UpdateAsync(ana.Id, EditOf(ana, mobile: "021 555 0123"));
        (await importer.Sync.PreviewAsync(ana.Id)).Value!.Contact.ShouldNotBeNull();
        importer.Calls.Clear();

        await importer.Sync.SyncClientAsync(ana.Id);

        importer.Calls.All.ShouldBe([$"PUT /sandbox/xpm/api/practicemanager/3.1/client.api/contact/{SandboxWellKnown.AnaWhitfieldContact}"]);
        var state = importer.Portal.Practice.Current;
        state.Contacts.Find(SandboxWellKnown.AnaWhitfieldContact)!.Mobile.ShouldBe("021 555 0123");
        state.ClientsOfContact(SandboxWellKnown.AnaWhitfieldContact).Select(c => c.Uuid).ShouldBe([SandboxWellKnown.KowhaiRidgeOrchards, Ana], ignoreOrder: true);
        (await importer.ClientAsync(Ana)).XpmLink!.PendingSyncFields.ShouldBeNull();
    }

    [Fact]
    public async Task CreateInXpm_UnlinkedPortalClient_IsAddedAndLinkedAndTheNextImportMakesNoDuplicate()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var created = await importer.Clients.CreateAsync(new NewClient { FirstName = "Hana", LastName = "Kereama", Email = "hana@kereama.example", Phone = "09 555 0101", City = "Napier" });
        importer.Calls.Clear();

        var uuid = (await importer.Sync.CreateInXpmAsync(created.Value)).Value;

        importer.Calls.All.ShouldBe(["POST /sandbox/xpm/api/practicemanager/3.1/client.api/add"]);
        var inXpm = importer.Portal.Practice.FindClient(uuid).ShouldNotBeNull();
        (inXpm.Name, inXpm.Email, inXpm.City).ShouldBe(("Hana Kereama", "hana@kereama.example", "Napier"));
        var again = await importer.ImportAsync("Hana Kereama");
        (again.Created, again.Linked).ShouldBe((0, 0));
        var hana = await importer.ClientAsync(uuid);
        (hana.Id, hana.XpmLink!.PendingSyncFields).ShouldBe((created.Value, (string?)null));
    }

    private static NewClient EditOf(Client client, string? email = null, string? mobile = null) => new()
    {
        FirstName = client.FirstName,
        LastName = client.LastName,
        DateOfBirth = client.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
        Email = email ?? client.Email,
        Phone = client.Phone,
        Mobile = mobile ?? client.Mobile,
        Street = client.PhysicalAddress.Street,
        City = client.PhysicalAddress.City,
        Region = client.PhysicalAddress.Region,
        PostCode = client.PhysicalAddress.PostCode,
        Country = client.PhysicalAddress.Country,
    };
}
