using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.E2E.Pages;
using Portal.Import;
using Portal.Import.Undo;
using Portal.Infrastructure;
using Portal.XpmSandbox;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ReviewAndUndoJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Manager_ReviewsLinkedClientsAfterAnImport_UnlinksOne_UndoesTheRun_AndThePortalIsAsItWas()
    {
        var app = new PortalAppFactory { Settings = { ["XpmSandbox:AutoConsent"] = "true" } };
        await using var session = await PortalSession.StartAsync(browser, app);
        var page = session.Page;
        // Before the import: Ana is already a portal client (same email and name as in XPM, an older phone).
        await session.App.WithDbAsync(db =>
        {
            db.Clients.Add(new Client
            {
                PracticeId = 1, Kind = ClientKind.Person, Name = SandboxWellKnown.AnaWhitfieldName, FirstName = "Ana", LastName = "Whitfield",
                BusinessStructure = BusinessStructures.Individual, Email = SandboxWellKnown.AnaWhitfieldEmail, Phone = "06 000 0001",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        var before = await session.App.WithDbAsync(PortalRows.ReadAsync);
        var signIn = new SignInPageObject(page);
        await signIn.OpenAsync();
        await signIn.SignInAsManagerAsync();
        await session.WaitForInteractiveAsync();
        await page.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        await new XpmManagePageObject(page).ConnectAsync();
        await Expect(new XpmManagePageObject(page).ConnectedNotice).ToBeVisibleAsync();

        // The import, as the stepper runs it: Ana (linked by email), Siobhan and Chloé (created), all staff.
        var importId = await ImportAsync(session, SandboxWellKnown.AnaWhitfieldName, SandboxWellKnown.SiobhanONeill, SandboxWellKnown.ChloeDubois);

        await page.GotoAsync("/clients");
        await session.WaitForInteractiveAsync();
        var layout = new LayoutPageObject(page);
        await Expect(page.GetByTestId("linked-clients-new-count")).ToHaveTextAsync("3");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Linked clients" }).ClickAsync();
        await session.WaitForInteractiveAsync();
        var review = new LinkedClientsPageObject(page);
        await review.ShowAsync("Linked by the last import");
        await Expect(review.Row(SandboxWellKnown.AnaWhitfieldName)).ToContainTextAsync("Same email and compatible name");
        await Expect(review.Row(SandboxWellKnown.SiobhanONeill)).ToContainTextAsync("Created");
        await session.ScreenshotAsync("70-linked-clients-review");

        await review.UnlinkAsync(SandboxWellKnown.AnaWhitfieldName);
        await Expect(review.Row(SandboxWellKnown.AnaWhitfieldName)).ToHaveCountAsync(0);
        await session.ScreenshotAsync("71-linked-clients-unlinked");

        await page.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Undo import {importId}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Undo import" }).ClickAsync();
        await Expect(page.GetByTestId("undo-state")).ToContainTextAsync("Undone:", new() { Timeout = 30_000 });
        await session.ScreenshotAsync("72-import-undone");

        await page.GotoAsync("/clients");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("clients-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("clients-table")).ToContainTextAsync("06 000 0001");
        await session.ScreenshotAsync("73-clients-as-before");
        (await session.App.WithDbAsync(PortalRows.ReadAsync)).ShouldBe(before);

        await page.GetByRole(AriaRole.Link, new() { Name = SandboxWellKnown.AnaWhitfieldName }).ClickAsync();
        await session.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Expect(page.GetByTestId("client-history")).ToContainTextAsync("Undo");
        await Expect(page.GetByTestId("client-history")).ToContainTextAsync("XPM import");
        await session.ScreenshotAsync("74-client-history");
    }

    private static async Task<int> ImportAsync(PortalSession session, params string[] people)
    {
        var services = session.App.Services;
        var user = new FakeCurrentUser(new PortalUser("Mia Manager", "manager@demo.portal.example", PortalRoles.Manager, 1, null, null));
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var imports = new ImportService(factory, user, services.GetRequiredService<ImportQueue>(), services.GetRequiredService<ImportProgress>(), TimeProvider.System);
        var review = new ImportReviewService(factory, user);
        var fetch = await ImportRunWaiter.WaitAsync(session.App, (await imports.StartFetchAsync()).Value);
        fetch.Status.ShouldBe(ImportRunStatus.Succeeded, fetch.Error);
        await review.SetAllStaffSelectedAsync(fetch.RunId, null, true);
        foreach (var name in people)
        {
            await review.SetAllClientsSelectedAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person, name), true);
        }

        var import = await ImportRunWaiter.WaitAsync(session.App, (await imports.StartImportAsync(fetch.RunId)).Value);
        import.Status.ShouldBe(ImportRunStatus.Succeeded, import.Error);
        return import.RunId;
    }
}
