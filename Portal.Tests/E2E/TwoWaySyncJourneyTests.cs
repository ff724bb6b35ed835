using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.Data;
using Portal.E2E.Pages;
using Portal.Import;
using Portal.Infrastructure;
using Portal.XpmSandbox;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// Both directions through both UIs: an edit in the portal sent with "Sync data to Xero Practice Manager" and seen on
/// the Sandbox page; edits on both sides making a conflict that a manager resolves in the inbox. (An edit in the Sandbox
/// page brought in by Import Data is in <see cref="WholeGuideJourneyTests"/>.)
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class TwoWaySyncJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_EditsAClientInThePortal_SyncsItToXpm_AndTheSandboxPageShowsIt()
    {
        await using var session = await StartConnectedAsync(signInAsManager: false);
        var page = session.Page;
        var anaId = await ImportAnaAsync(session);

        await EditInPortalAsync(session, anaId, "Email", "ana.synced@example.com");
        await Expect(page.GetByTestId("pending-sync")).ToContainTextAsync("Email");
        await page.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        var sync = new SyncToXpmPageObject(page);
        await sync.OpenFromManagePageAsync();
        await session.WaitForInteractiveAsync();
        await sync.ChooseClientsAsync();
        await Expect(sync.ClientTick("Ana Whitfield")).ToBeCheckedAsync();
        await Expect(sync.Clients).ToContainTextAsync("Pending sync");
        await session.ScreenshotAsync("70-sync-clients");
        await sync.PreviewAsync();
        await Expect(sync.PreviewOf("Ana Whitfield")).ToContainTextAsync("ana.synced@example.com");
        await Expect(sync.PreviewOf("Ana Whitfield")).ToContainTextAsync(SandboxWellKnown.AnaWhitfieldEmail);
        await Expect(sync.Calls).ToContainTextAsync("1 call to Xero Practice Manager");
        await Expect(sync.Calls).ToContainTextAsync("calls left today");
        await session.ScreenshotAsync("71-sync-preview");
        await sync.ConfirmAsync();

        await Expect(sync.Run).ToContainTextAsync("Synced to Xero Practice Manager", new() { Timeout = 30_000 });
        await Expect(sync.Run).ToContainTextAsync("1 updated");
        await session.ScreenshotAsync("72-sync-done");
        await new LayoutPageObject(page).OpenMenuItemAsync("XPM sandbox");
        await page.GetByLabel("Search XPM clients").FillAsync("Ana Whitfield");
        await Expect(page.GetByTestId("sandbox-clients")).ToContainTextAsync("1-1 of 1");
        await Expect(page.GetByTestId("sandbox-clients")).ToContainTextAsync("ana.synced@example.com");
        await Expect(page.GetByTestId("sandbox-writes")).ToContainTextAsync("client.api/update");
        await Expect(page.GetByTestId("sandbox-writes")).ToContainTextAsync("Email: ana.synced@example.com");
        await session.ScreenshotAsync("73-sandbox-shows-sync");
        await page.GotoAsync($"/clients/{anaId}");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("pending-sync")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Manager_EditsAClientInThePortalAndInTheSandbox_ReimportMakesAConflict_ResolvedInTheInbox()
    {
        await using var session = await StartConnectedAsync(signInAsManager: true);
        var page = session.Page;
        var anaId = await ImportAnaAsync(session);
        await EditInPortalAsync(session, anaId, "Phone", "021 555 0100");
        await new LayoutPageObject(page).OpenMenuItemAsync("XPM sandbox");
        await page.GetByLabel("Search XPM clients").FillAsync("Ana Whitfield");
        await Expect(page.GetByTestId("sandbox-clients")).ToContainTextAsync("1-1 of 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Ana Whitfield" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Phone").FillAsync("06 555 0999");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Save in XPM" }).ClickAsync();
        await Expect(page.GetByTestId("sandbox-clients")).ToContainTextAsync("06 555 0999");

        await page.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        await ReimportChangesAsync(session, "Phone: 021 555 0199 → 06 555 0999");
        var review = new ImportReviewPageObject(page);
        await Expect(review.Run).ToContainTextAsync("Imported", new() { Timeout = 30_000 });
        await new LayoutPageObject(page).OpenMenuItemAsync("Conflicts");
        await session.WaitForInteractiveAsync();
        var inbox = new ConflictsPageObject(page);
        await Expect(inbox.Row("Ana Whitfield", "Phone")).ToContainTextAsync("021 555 0100");
        await Expect(inbox.Row("Ana Whitfield", "Phone")).ToContainTextAsync("06 555 0999");
        await session.ScreenshotAsync("74-conflict-from-both-uis");
        await inbox.ResolveAsync("Ana Whitfield", "Phone", "Take XPM");

        await Expect(inbox.EmptyState).ToContainTextAsync("No conflicts");
        await page.GotoAsync($"/clients/{anaId}");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("client-details-panel")).ToContainTextAsync("06 555 0999");
        await session.ScreenshotAsync("75-conflict-resolved");
    }

    private async Task<PortalSession> StartConnectedAsync(bool signInAsManager)
    {
        var app = new PortalAppFactory
        {
            Settings =
            {
                ["XpmSandbox:AutoConsent"] = "true",
                ["XpmSandbox:Clients"] = "60",
                ["XpmSandbox:RateLimits:PerMinute"] = "10000",
                ["Xpm:RequestsPerMinute"] = "10000",
            },
        };
        var session = await PortalSession.StartAsync(browser, app);
        var page = session.Page;
        var signIn = new SignInPageObject(page);
        await signIn.OpenAsync();
        await (signInAsManager ? signIn.SignInAsManagerAsync() : signIn.SignInAsStaffAsync());
        await session.WaitForInteractiveAsync();
        await page.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        var manage = new XpmManagePageObject(page);
        await manage.ConnectAsync();
        await Expect(manage.ConnectedNotice).ToContainTextAsync("staff members can be imported");
        return session;
    }

    /// <summary>The first import (its own journey is in <see cref="WholeGuideJourneyTests"/>), done through the services for speed.</summary>
    private static async Task<int> ImportAnaAsync(PortalSession session)
    {
        var services = session.App.Services;
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var user = new FakeCurrentUser(new PortalUser("Sam Staff", "sam@practice.example", PortalRoles.Staff, 1, null, null));
        var imports = new ImportService(factory, user, services.GetRequiredService<ImportQueue>(), services.GetRequiredService<ImportProgress>(), TimeProvider.System);
        var review = new ImportReviewService(factory, user);
        var fetch = await ImportRunWaiter.WaitAsync(session.App, (await imports.StartFetchAsync()).Value);
        await review.SetAllStaffSelectedAsync(fetch.RunId, null, true);
        await review.SetAllClientsSelectedAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person, SandboxWellKnown.AnaWhitfieldName), true);
        await review.SetDetailLevelAsync(fetch.RunId, ImportDetailLevel.AllContactDetails);
        var import = await ImportRunWaiter.WaitAsync(session.App, (await imports.StartImportAsync(fetch.RunId)).Value);
        import.Status.ShouldBe(ImportRunStatus.Succeeded, import.Error);
        return await session.App.WithDbAsync(db => db.Clients.Where(c => c.XpmLink != null && c.XpmLink.XpmUuid == SandboxWellKnown.AnaWhitfield).Select(c => c.Id).SingleAsync());
    }

    private static async Task EditInPortalAsync(PortalSession session, int clientId, string label, string value)
    {
        var page = session.Page;
        await page.GotoAsync($"/clients/{clientId}/edit");
        await session.WaitForInteractiveAsync();
        await page.GetByLabel(label).FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await Expect(page.GetByTestId("pending-sync")).ToContainTextAsync(label);
    }

    private static async Task ReimportChangesAsync(PortalSession session, string expectChange)
    {
        var page = session.Page;
        var review = new ImportReviewPageObject(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import Data" }).ClickAsync();
        var reviewBox = page.GetByTestId("review-box");
        await Expect(reviewBox).ToContainTextAsync("Only changes made in Xero Practice Manager since", new() { Timeout = 30_000 });
        await reviewBox.GetByRole(AriaRole.Link, new() { Name = "Review and import data" }).ClickAsync();
        await session.WaitForInteractiveAsync();
        // Generous waits: the machine running these is shared, and a loaded one renders the review slowly.
        await Expect(page.GetByTestId("staff-step")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await review.SaveAndContinueAsync();
        await Expect(page.GetByTestId("clients-step").GetByRole(AriaRole.Checkbox, new() { Name = "Import Ana Whitfield" })).ToBeCheckedAsync();
        await Expect(page.GetByTestId("changed-in-xpm")).ToContainTextAsync(expectChange);
        await session.ScreenshotAsync("76-review-changed-in-xpm");
        await review.SaveAndContinueAsync();
        await review.SaveAndContinueAsync();
        await Expect(review.Preview).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await review.ConfirmAsync();
    }
}
