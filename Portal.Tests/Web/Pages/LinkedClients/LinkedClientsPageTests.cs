using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.LinkedClients;
using Portal.Core.Xpm;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.LinkedClients;

namespace Portal.Web.Pages.LinkedClients;

/// <summary>The Linked clients review over the real service on real SQLite, signed in as a manager.</summary>
public sealed class LinkedClientsPageTests : PortalTestContext, IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(_database);
        Services.AddSingleton<ICurrentUser>(new FakeCurrentUser(new PortalUser("Mia Manager", "mia@practice.example", PortalRoles.Manager, _database.PracticeId, null, null)));
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<LinkedClientService>();
        await using var db = _database.CreateDbContext();
        db.Clients.AddRange(
            Linked("Ana Whitfield", 1, isNew: true, reason: "Created"),
            Linked("Ben Carter", 2, isNew: true, reason: "Same email and compatible name"),
            Linked("Cleo Old", 3, isNew: false, reason: "Same XPM UUID"),
            new Client { PracticeId = _database.PracticeId, Name = "Dan Unlinked", Kind = ClientKind.Person });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Filter_NewSinceLastReview_ShowsOnlyNewClients()
    {
        var page = Render<LinkedClientsPage>();
        page.WaitForAssertion(() => Names(page).ShouldBe(["Ana Whitfield", "Ben Carter", "Cleo Old"]));

        var filter = page.FindComponent<MudSelect<LinkedClientFilter>>();
        await page.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync(LinkedClientFilter.NewSinceReview));

        page.WaitForAssertion(() => Names(page).ShouldBe(["Ana Whitfield", "Ben Carter"]));
    }

    [Fact]
    public async Task Filter_NotLinked_OffersLinkByHand()
    {
        var page = Render<LinkedClientsPage>();
        page.WaitForAssertion(() => Names(page).Count.ShouldBe(3));

        await page.InvokeAsync(() => page.FindComponent<MudSelect<LinkedClientFilter>>().Instance.ValueChanged.InvokeAsync(LinkedClientFilter.NotLinked));

        page.WaitForAssertion(() => Names(page).ShouldBe(["Dan Unlinked"]));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Link by hand").Click();
        page.Find("[data-testid=link-by-hand]").TextContent.ShouldContain("Link Dan Unlinked by hand");
    }

    [Fact]
    public async Task LinkByHand_ByXpmUuidWithAReason_LinksTheClientAndRecordsTheReason()
    {
        var page = Render<LinkedClientsPage>();
        await page.InvokeAsync(() => page.FindComponent<MudSelect<LinkedClientFilter>>().Instance.ValueChanged.InvokeAsync(LinkedClientFilter.NotLinked));
        page.WaitForAssertion(() => Names(page).ShouldBe(["Dan Unlinked"]));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Link by hand").Click();

        page.FindAll("[data-testid=link-by-hand] input")[1].Change(Uuid(9).ToString());
        page.FindAll("[data-testid=link-by-hand] input")[2].Change("Same person, new email");
        page.FindAll("[data-testid=link-by-hand] button").Single(b => b.TextContent.Trim() == "Link").Click();

        page.WaitForAssertion(() => Names(page).ShouldBeEmpty());
        await using var db = _database.CreateDbContext();
        var link = (await db.Clients.AsNoTracking().SingleAsync(c => c.Name == "Dan Unlinked")).XpmLink.ShouldNotBeNull();
        (link.XpmUuid, link.MatchReason, link.ConfirmedBy).ShouldBe((Uuid(9), "Linked by hand: Same person, new email", "mia@practice.example"));
    }

    [Fact]
    public void Rows_ShowTheRecordedMatchReasonAndWhoConfirmedIt()
    {
        var page = Render<LinkedClientsPage>();

        page.WaitForAssertion(() => page.Find("tbody tr").TextContent.ShouldContain("Created"));
        page.Find("tbody tr").TextContent.ShouldContain("Sam Staff");
    }

    [Fact]
    public async Task MarkReviewed_SelectedRows_ClearsTheirNewBadges()
    {
        var page = Render<LinkedClientsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=new-badge]").Count.ShouldBe(2));

        page.FindAll("tbody input[type=checkbox]")[0].Change(true);
        page.WaitForAssertion(() => page.Find("[data-testid=mark-reviewed]").TextContent.ShouldContain("1 selected"));
        page.Find("[data-testid=mark-reviewed]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=new-badge]").Count.ShouldBe(1));
        await using var db = _database.CreateDbContext();
        (await db.Clients.Where(c => c.XpmLink != null && c.XpmLink.IsNew).Select(c => c.Name).ToListAsync()).ShouldBe(["Ben Carter"]);
    }

    [Fact]
    public async Task Unlink_AfterConfirming_RemovesTheLinkAndKeepsTheClient()
    {
        var page = Render<LinkedClientsPage>();
        page.WaitForAssertion(() => page.FindAll("button[aria-label='Unlink Ben Carter']").Count.ShouldBe(1));

        page.Find("button[aria-label='Unlink Ben Carter']").Click();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Confirm unlink").Click();

        page.WaitForAssertion(() => Names(page).ShouldNotContain("Ben Carter"));
        await using var db = _database.CreateDbContext();
        (await db.Clients.AsNoTracking().SingleAsync(c => c.Name == "Ben Carter")).XpmLink.ShouldBeNull();
        (await db.Set<UnlinkedMatch>().SingleAsync()).XpmUuid.ShouldBe(Uuid(2));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static List<string> Names(IRenderedComponent<LinkedClientsPage> page) =>
        page.FindAll("tbody tr td[data-label=Client] a").Select(a => a.TextContent.Trim()).ToList();

    private Client Linked(string name, int n, bool isNew, string reason) => new()
    {
        PracticeId = _database.PracticeId,
        Name = name,
        Kind = ClientKind.Person,
        XpmLink = new XpmLink { XpmUuid = Uuid(n), LinkedAt = DateTime.UtcNow, IsNew = isNew, MatchReason = reason, ConfirmedBy = "Sam Staff" },
    };

    private static Guid Uuid(int n) => new(n, 0, 0, new byte[8]);
}
