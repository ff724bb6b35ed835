using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Plan;
using Portal.Core.LinkedClients;
using Portal.Infrastructure;
using Portal.Import.Undo;
using Portal.Sync;
using Portal.XpmSandbox;

namespace Portal.LinkedClients;

/// <summary>Managers review, unlink and link clients by hand; on real SQLite with the sandbox over HTTP.</summary>
public sealed class LinkedClientServiceTests
{
    private static readonly Guid Ana = SandboxWellKnown.AnaWhitfield;

    [Fact]
    public async Task Unlink_ThenReimport_CreatesTheXpmClientOnceAndLeavesThePortalClientUnlinked()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var wrong = await importer.ClientAsync(Ana);
        (await Service(importer).UnlinkAsync(wrong.Id, "Different person")).Value.ShouldBeTrue();

        var again = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var once = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        again.Created.ShouldBeGreaterThanOrEqualTo(1);
        var linkedToAna = await importer.Portal.App.WithDbAsync(db => db.Clients.AsNoTracking().Where(c => c.XpmLink != null && c.XpmLink.XpmUuid == Ana).ToListAsync());
        linkedToAna.ShouldHaveSingleItem().Id.ShouldNotBe(wrong.Id);
        (await importer.Portal.App.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == wrong.Id))).XpmLink.ShouldBeNull();
        (await importer.Portal.App.WithDbAsync(db => db.Clients.CountAsync(c => c.Name == SandboxWellKnown.AnaWhitfieldName))).ShouldBe(2);
        once.Created.ShouldBe(0);
    }

    [Fact]
    public async Task LinkByHand_IsUsedByTheNextImport()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var created = await importer.Clients.CreateAsync(new NewClient { FirstName = "A", LastName = "Whitfield-Smith", Email = "someone.else@example.com" });
        var id = created.Value;
        (await Service(importer).LinkAsync(id, Ana, "Same person: she changed her surname")).Value.ShouldBeTrue();

        var import = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);

        var outcome = (await importer.Portal.App.WithDbAsync(db => db.Set<Portal.Core.Import.Apply.ImportOutcome>().AsNoTracking()
            .SingleAsync(o => o.RunId == import.RunId && o.XpmUuid == Ana)));
        (outcome.Action, outcome.PortalRecordId).ShouldBe((ImportAction.Update, id));
        var linked = await importer.ClientAsync(Ana);
        (linked.Id, linked.XpmLink!.MatchReason, linked.XpmLink.ConfirmedBy)
            .ShouldBe((id, "Linked by hand: Same person: she changed her surname", "mia@practice.example"));
    }

    [Fact]
    public async Task LinkByHand_WithoutReason_IsRefused()
    {
        await using var importer = await SandboxImporter.StartAsync();
        var id = (await importer.Clients.CreateAsync(new NewClient { FirstName = "A", LastName = "Person" })).Value;

        var refused = await Service(importer).LinkAsync(id, Ana, " ");

        refused.Error.ShouldBeOfType<LinkReasonRequiredError>();
    }

    [Fact]
    public async Task Search_Filters_ByNewLinkedThisRunAndNotLinked_AndMarkReviewedClearsNew()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.Clients.CreateAsync(new NewClient { FirstName = "Only", LastName = "Portal" });
        var first = await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var service = Service(importer);

        var fresh = await service.SearchAsync(new LinkedClientQuery(LinkedClientFilter.NewSinceReview));
        var thisRun = await service.SearchAsync(new LinkedClientQuery(LinkedClientFilter.LinkedByLastImport));
        var notLinked = await service.SearchAsync(new LinkedClientQuery(LinkedClientFilter.NotLinked));

        fresh.Items.ShouldHaveSingleItem().MatchReason.ShouldBe("Created");
        fresh.Items[0].ConfirmedBy.ShouldBe("Sam Staff");
        thisRun.Items.Select(r => r.Name).ShouldBe([SandboxWellKnown.AnaWhitfieldName]);
        notLinked.Items.Select(r => r.Name).ShouldBe(["Only Portal"]);
        (await service.MarkReviewedAsync([fresh.Items[0].ClientId])).Value.ShouldBe(1);
        (await service.CountNewAsync()).ShouldBe(0);
        (await service.SearchAsync(new LinkedClientQuery(LinkedClientFilter.NewSinceReview))).TotalCount.ShouldBe(0);
        first.RunId.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task MarkReviewed_ByStaff_IsRefused()
    {
        await using var importer = await SandboxImporter.StartAsync();

        var refused = await new LinkedClientService(importer.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>(),
            FakeCurrentUser.Staff(1), TimeProvider.System).MarkReviewedAsync([1]);

        refused.Error.ShouldBeOfType<ManagersOnlyError>();
    }

    private static LinkedClientService Service(SandboxImporter importer) => new(
        importer.Get<IDbContextFactory<PortalDbContext>>(),
        new FakeCurrentUser(new PortalUser("Mia Manager", "mia@practice.example", PortalRoles.Manager, 1, null, null)),
        TimeProvider.System);
}
