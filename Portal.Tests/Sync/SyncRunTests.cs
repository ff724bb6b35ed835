using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Email;
using Portal.Core.Import.Runs;
using Portal.Core.Sync;
using Portal.Import;
using Portal.XpmSandbox;

namespace Portal.Sync;

/// <summary>
/// "Sync data to Xero Practice Manager" as a background run, on real SQLite with the sandbox over HTTP applying the
/// writes: what is offered, the preview, what XPM receives, errors, and a run resumed after the process was killed.
/// </summary>
public sealed class SyncRunTests
{
    private const string XpmApi = "/sandbox/xpm/api/practicemanager/3.1/";
    private static readonly Guid Ana = SandboxWellKnown.AnaWhitfield;

    [Fact]
    public async Task SyncRun_EmailEditedInThePortal_SandboxReceivesExactlyThatUpdate()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var ana = await ImportAndEditAnaAsync(importer);
        importer.Calls.Clear();

        var run = await importer.SyncAsync(ana.Id);

        (run.Updated, run.Created, run.Skipped, run.Error).ShouldBe((1, 0, 0, (string?)null));
        importer.Calls.All.ShouldBe([$"PUT {XpmApi}client.api/update"]);
        var body = importer.Calls.Bodies.ShouldHaveSingleItem();
        body.ShouldContain($"<UUID>{Ana}</UUID>");
        body.ShouldContain("<Email>ana.w@example.com</Email>");
        body.ShouldNotContain("<Phone>");
        body.ShouldNotContain("<Name>");
        importer.Portal.Practice.FindClient(Ana)!.Email.ShouldBe("ana.w@example.com");
        var shown = importer.Get<SandboxWriteLog>().Latest.ShouldHaveSingleItem();
        (shown.Call, shown.Record, shown.Fields).ShouldBe(("client.api/update", "Ana Whitfield", "Email: ana.w@example.com"));
        var link = (await importer.ClientAsync(Ana)).XpmLink!;
        (link.PendingSyncFields, link.SyncError).ShouldBe(((string?)null, (string?)null));
        SyncBase.Parse(link.LastSyncedValues).Values.Email.ShouldBe("ana.w@example.com");
    }

    [Fact]
    public async Task SyncRun_Finished_EmailsTheOutcomeToWhoStartedIt()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var ana = await ImportAndEditAnaAsync(importer);

        await importer.SyncAsync(ana.Id);

        // The email follows the run's last progress update: wait for it, as the import's tests do.
        var outbox = importer.Get<EmailOutbox>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        OutboxEmail? email;
        while ((email = (await outbox.ListAsync()).FirstOrDefault(e => e.Subject == "Your data has been synced to Xero Practice Manager")) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        email.ShouldNotBeNull().To.ShouldContain("sam@practice.example");
        email.TextBody.ShouldNotBeNull().ShouldContain("1 updated, 0 created and linked, 0 had nothing left to send, 0 failed");
    }

    [Fact]
    public async Task GetCandidates_PendingAndUnlinkedClients_PendingOnesPreselectedPagedAndSearchable()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var ana = await ImportAndEditAnaAsync(importer);
        var hana = await importer.Clients.CreateAsync(new NewClient { FirstName = "Hana", LastName = "Kereama", Email = "hana@kereama.example" });

        var both = await importer.SyncRuns.GetCandidatesAsync(SyncMode.Both, null, 0, 10);
        var updates = await importer.SyncRuns.GetCandidatesAsync(SyncMode.UpdateExisting, null, 0, 10);
        var searched = await importer.SyncRuns.GetCandidatesAsync(SyncMode.Both, "kereama", 0, 10);
        var secondPage = await importer.SyncRuns.GetCandidatesAsync(SyncMode.Both, null, 1, 1);
        var preselected = await importer.SyncRuns.GetPendingAsync(SyncMode.Both);

        both.Items.Select(c => (c.ClientId, c.Action)).ShouldBe([(ana.Id, SyncAction.Update), (hana.Value, SyncAction.Create)]);
        both.Items[0].PendingFields.ShouldBe("Email");
        updates.Items.Select(c => c.ClientId).ShouldBe([ana.Id]);
        searched.Items.Select(c => c.ClientId).ShouldBe([hana.Value]);
        (secondPage.Total, secondPage.Items.Single().ClientId).ShouldBe((2, hana.Value));
        preselected.ShouldBe([ana.Id]);
    }

    [Fact]
    public async Task Preview_EmailEdit_ShowsTheFieldWithPortalAndXpmValuesAndTheCallCount()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var ana = await ImportAndEditAnaAsync(importer);
        importer.Calls.Clear();

        var preview = await importer.SyncRuns.PreviewAsync([ana.Id]);

        var client = preview.Clients.ShouldHaveSingleItem();
        client.Action.ShouldBe(SyncAction.Update);
        client.Fields.ShouldBe([new SyncPreviewField("Email", "ana.w@example.com", SandboxWellKnown.AnaWhitfieldEmail)]);
        (preview.WriteCalls, preview.ReadCalls, client.SharedWith).ShouldBe((1, 0, 0));
        preview.DayLimitRemaining.ShouldNotBeNull();
        importer.Calls.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task Preview_MobileOfAContactSharedWithAnotherClient_SaysItIsShared()
    {
        await using var importer = await SandboxImporter.StartAsync();
        // Ana's own contact is also a contact of Kowhai Ridge Orchards in XPM.
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Contacts = c.Contacts.Add(new SandboxContactLink(SandboxWellKnown.AnaWhitfieldContact, "", true)) });
        var ana = await ImportAndEditAnaAsync(importer, mobile: "021 555 0123");

        var preview = await importer.SyncRuns.PreviewAsync([ana.Id]);

        var client = preview.Clients.ShouldHaveSingleItem();
        client.SharedWith.ShouldBe(1);
        client.Fields.Select(f => f.Field).ShouldContain("Mobile");
        (preview.WriteCalls, preview.ReadCalls).ShouldBe((1, 1));
    }

    [Fact]
    public async Task SyncRun_CreateMissing_IsAddedAndLinkedAndTheNextImportMakesNoDuplicate()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var created = await importer.Clients.CreateAsync(new NewClient { FirstName = "Hana", LastName = "Kereama", Email = "hana@kereama.example", City = "Napier" });
        importer.Calls.Clear();

        var run = await importer.SyncAsync(created.Value);

        (run.Created, run.Updated).ShouldBe((1, 0));
        importer.Calls.All.ShouldBe([$"POST {XpmApi}client.api/add"]);
        var inXpm = importer.Portal.Practice.Current.Clients.Where(c => c.Name == "Hana Kereama").ShouldHaveSingleItem();
        var again = await importer.ImportAsync("Hana Kereama");
        (again.Created, again.Linked).ShouldBe((0, 0));
        (await importer.ClientAsync(inXpm.Uuid)).Id.ShouldBe(created.Value);
        importer.Portal.Practice.Current.Clients.Count(c => c.Name == "Hana Kereama").ShouldBe(1);
    }

    [Fact]
    public async Task SyncRun_XpmRepliesWithAnError_ClientStaysPendingWithTheErrorAndTheRunSaysSo()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var ana = await ImportAndEditAnaAsync(importer);
        importer.Portal.Faults.ErrorDescription = "Client is locked";
        importer.Portal.Faults.InjectNext(SandboxFaultKind.ErrorReply, endpoint: "client.api/update");

        var run = await importer.SyncAsync(ana.Id);

        (run.Updated, run.Skipped).ShouldBe((0, 1));
        run.Error.ShouldNotBeNull().ShouldContain("1 of 1");
        var failure = (await importer.SyncRuns.GetFailuresAsync(run.RunId)).ShouldHaveSingleItem();
        failure.Error.ShouldContain("Client is locked");
        var link = (await importer.ClientAsync(Ana)).XpmLink!;
        link.PendingSyncFields.ShouldBe("Email");
        link.SyncError.ShouldNotBeNull().ShouldContain("Client is locked");
        importer.Portal.Practice.FindClient(Ana)!.Email.ShouldBe(SandboxWellKnown.AnaWhitfieldEmail);
    }

    [Fact]
    public async Task SyncRun_KilledAfterTheUpdateLandedInXpm_ResumesWithoutSendingItAgain()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var ana = await ImportAndEditAnaAsync(importer);
        // The PUT reached XPM and was applied; the process died before the reply was recorded.
        importer.Portal.Practice.UpdateClient(Ana, c => c with { Email = "ana.w@example.com" });
        importer.Calls.Clear();

        var run = await ResumeInterruptedAsync(importer, ana.Id, SyncAction.Update);

        importer.Calls.All.ShouldBe([$"GET {XpmApi}client.api/get/{Ana}"]);
        run.Updated.ShouldBe(1);
        var link = (await importer.ClientAsync(Ana)).XpmLink!;
        link.PendingSyncFields.ShouldBeNull();
        SyncBase.Parse(link.LastSyncedValues).Values.Email.ShouldBe("ana.w@example.com");
    }

    [Fact]
    public async Task SyncRun_KilledBeforeTheUpdateReachedXpm_ResumesAndSendsItOnce()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var ana = await ImportAndEditAnaAsync(importer);
        importer.Calls.Clear();

        var run = await ResumeInterruptedAsync(importer, ana.Id, SyncAction.Update);

        importer.Calls.All.ShouldBe([$"GET {XpmApi}client.api/get/{Ana}", $"PUT {XpmApi}client.api/update"]);
        run.Updated.ShouldBe(1);
        importer.Portal.Practice.FindClient(Ana)!.Email.ShouldBe("ana.w@example.com");
    }

    [Fact]
    public async Task SyncRun_KilledAfterTheAddLandedInXpm_ResumesAndLinksWithoutAddingAgain()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var hana = await importer.Clients.CreateAsync(new NewClient { FirstName = "Hana", LastName = "Kereama", Email = "hana@kereama.example" });
        // The POST reached XPM and the client was added; the process died before the reply was recorded.
        var added = importer.Portal.Practice.AddClient(new SandboxClient { Name = "Hana Kereama", FirstName = "Hana", LastName = "Kereama", Email = "hana@kereama.example" });
        importer.Calls.Clear();

        var run = await ResumeInterruptedAsync(importer, hana.Value, SyncAction.Create);

        importer.Calls.Count("POST", "client.api/add").ShouldBe(0);
        run.Created.ShouldBe(1);
        (await importer.ClientAsync(added.Uuid)).Id.ShouldBe(hana.Value);
        importer.Portal.Practice.Current.Clients.Count(c => c.Name == "Hana Kereama").ShouldBe(1);
    }

    private static async Task<Client> ImportAndEditAnaAsync(SandboxImporter importer, string? mobile = null)
    {
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var ana = await importer.ClientAsync(Ana);
        await importer.Clients.UpdateAsync(ana.Id, new NewClient
        {
            FirstName = ana.FirstName,
            LastName = ana.LastName,
            DateOfBirth = ana.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
            Email = mobile is null ? "ana.w@example.com" : ana.Email,
            Phone = ana.Phone,
            Mobile = mobile ?? ana.Mobile,
            Street = ana.PhysicalAddress.Street,
            City = ana.PhysicalAddress.City,
            Region = ana.PhysicalAddress.Region,
            PostCode = ana.PhysicalAddress.PostCode,
            Country = ana.PhysicalAddress.Country,
        });
        return ana;
    }

    /// <summary>
    /// The database as a killed sync leaves it, once the restarted worker has put its run back in the queue: the run
    /// started once, and its item was marked Sending (the intent is committed before the write) with no outcome.
    /// </summary>
    private static async Task<ImportProgressSnapshot> ResumeInterruptedAsync(SandboxImporter importer, int clientId, SyncAction action)
    {
        var runId = await importer.Portal.App.WithDbAsync(async db =>
        {
            // One transaction, so the worker never sees the run without its item.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var run = new ImportRun
            {
                PracticeId = 1,
                Kind = ImportRunKind.Sync,
                Status = ImportRunStatus.Queued,
                StartedBy = "Sam Staff",
                StartedByEmail = "sam@practice.example",
                CreatedAt = DateTime.UtcNow.AddMinutes(-1),
                StartedAt = DateTime.UtcNow.AddMinutes(-1),
                Attempts = 1,
                Phase = "Resuming after a restart",
            };
            run.ItemsTotal = 1;
            db.Add(run);
            await db.SaveChangesAsync();
            db.Add(new SyncRunItem { RunId = run.Id, ClientId = clientId, Name = "interrupted", Action = action, State = SyncItemState.Sending, SendingAt = DateTime.UtcNow.AddSeconds(-30) });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return run.Id;
        });
        importer.Get<ImportQueue>().Wake();
        var finished = await ImportRunWaiter.WaitAsync(importer.Portal.App, runId);
        finished.Status.ShouldBe(ImportRunStatus.Succeeded, finished.Error);
        return finished;
    }
}
