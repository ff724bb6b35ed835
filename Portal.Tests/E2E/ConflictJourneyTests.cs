using System.Text.Json;
using Microsoft.Playwright;
using Portal.Core.Clients;
using Portal.Core.Import.Plan;
using Portal.Core.Sync;
using Portal.Core.Xpm;
using Portal.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ConflictJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Manager_ResolvesConflictsInTheInbox_TakeXpmAndKeepPortal()
    {
        await using var session = await PortalSession.StartAsync(browser);
        var page = session.Page;
        // As a re-import leaves them: Ana's email and phone were changed differently in the portal and in XPM.
        var anaId = await SeedConflictsAsync(session);
        var signIn = new SignInPageObject(page);
        await signIn.OpenAsync();
        await signIn.SignInAsManagerAsync();
        await session.WaitForInteractiveAsync();

        await new LayoutPageObject(page).OpenMenuItemAsync("Conflicts");
        await session.WaitForInteractiveAsync();
        var inbox = new ConflictsPageObject(page);
        await Expect(inbox.Row("Ana Whitfield", "Email")).ToContainTextAsync("ana.xpm@example.com");
        await Expect(inbox.Row("Ana Whitfield", "Email")).ToContainTextAsync("ana.portal@example.com");
        await Expect(inbox.Row("Ana Whitfield", "Email")).ToContainTextAsync("ana@kowhairidge.example");
        await session.ScreenshotAsync("60-conflicts-inbox");
        await inbox.ResolveAsync("Ana Whitfield", "Email", "Take XPM");
        await Expect(inbox.Row("Ana Whitfield", "Email")).ToHaveCountAsync(0);
        await inbox.ResolveAsync("Ana Whitfield", "Phone", "Keep portal");
        await Expect(inbox.EmptyState).ToContainTextAsync("No conflicts");

        await page.GotoAsync($"/clients/{anaId}");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("client-details-panel")).ToContainTextAsync("ana.xpm@example.com");
        await Expect(page.GetByTestId("pending-sync")).ToContainTextAsync("Phone");
        await session.ScreenshotAsync("61-conflicts-resolved");
    }

    [Fact]
    public async Task Staff_EditsALinkedClient_TheChangeIsPendingSync()
    {
        await using var session = await PortalSession.StartAsync(browser);
        var page = session.Page;
        var anaId = await SeedConflictsAsync(session, withConflicts: false);
        var signIn = new SignInPageObject(page);
        await signIn.OpenAsync();
        await signIn.SignInAsStaffAsync();
        await session.WaitForInteractiveAsync();

        await page.GotoAsync($"/clients/{anaId}");
        await session.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await session.WaitForInteractiveAsync();
        await page.GetByLabel("Mobile").FillAsync("021 555 0123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();

        await Expect(page.GetByTestId("pending-sync")).ToContainTextAsync("Mobile");
        await page.GotoAsync("/clients");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("pending-sync-badge")).ToBeVisibleAsync();
        await session.ScreenshotAsync("62-pending-sync");
    }

    private static Task<int> SeedConflictsAsync(PortalSession session, bool withConflicts = true) => session.App.WithDbAsync(async db =>
    {
        var agreed = new PortalClientValues { Name = "Ana Whitfield", FirstName = "Ana", LastName = "Whitfield", Email = "ana@kowhairidge.example", Phone = "06 555 0142" };
        var xpm = agreed with { Email = "ana.xpm@example.com", Phone = "06 555 0999" };
        var client = new Client
        {
            PracticeId = 1, Kind = ClientKind.Person, Name = "Ana Whitfield", FirstName = "Ana", LastName = "Whitfield",
            Email = "ana.portal@example.com", Phone = "021 555 0100", BusinessStructure = BusinessStructures.Individual,
            XpmLink = new XpmLink
            {
                XpmUuid = Guid.Parse("43fdc385-d166-48e8-8919-370f806797ee"), LinkedAt = DateTime.UtcNow,
                LastSyncedValues = SyncBase.None.AgreeWhereEqual(agreed, agreed).ToJson(), PendingSyncFields = withConflicts ? "Email,Phone" : null,
            },
        };
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        foreach (var (field, portal) in withConflicts ? new[] { (ImportField.Email, "ana.portal@example.com"), (ImportField.Phone, "021 555 0100") } : [])
        {
            db.Add(new SyncConflict
            {
                PracticeId = 1, ClientId = client.Id, Field = field, BaseValue = SyncFields.Display(agreed, field), PortalValue = portal,
                XpmValue = SyncFields.Display(xpm, field), XpmValuesJson = JsonSerializer.Serialize(xpm), DetectedAt = DateTime.UtcNow,
            });
        }

        await db.SaveChangesAsync();
        return client.Id;
    });
}
