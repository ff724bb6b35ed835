using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Pages;
using Portal.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>The user guide end to end: import, review, confirm, New badges, the link, the client's team, re-import.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class WholeGuideJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_ImportsAClientFromXpm_TheClientSeesTheirTeam_AndAReimportPicksUpXpmChanges()
    {
        var app = new PortalAppFactory { Settings = { ["XpmSandbox:AutoConsent"] = "true" } };
        await using var session = await PortalSession.StartAsync(browser, app);
        var page = session.Page;
        var signIn = new SignInPageObject(page);
        var layout = new LayoutPageObject(page);
        var manage = new XpmManagePageObject(page);
        var review = new ImportReviewPageObject(page);
        await signIn.OpenAsync();
        await signIn.SignInAsStaffAsync();
        await session.WaitForInteractiveAsync();
        await page.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        await manage.ConnectAsync();
        await Expect(manage.ConnectedNotice).ToContainTextAsync("staff members can be imported");

        await ImportAnaAsync();

        await Expect(review.Run).ToContainTextAsync("Imported", new() { Timeout = 30_000 });
        await session.ScreenshotAsync("30-imported");
        await review.Run.GetByRole(AriaRole.Link, new() { Name = "View clients" }).ClickAsync();
        var ana = page.GetByTestId("clients-table").Locator("tr", new() { HasText = "Ana Whitfield" });
        await Expect(ana.GetByTestId("new-badge")).ToHaveTextAsync("New");
        await session.ScreenshotAsync("31-new-badges");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Ana Whitfield" }).ClickAsync();
        await Expect(page.GetByTestId("xpm-link")).ToContainTextAsync("Linked to Xero Practice Manager");
        await Expect(page.GetByTestId("xpm-link")).ToContainTextAsync("43fdc385-d166-48e8-8919-370f806797ee");
        await Expect(page.GetByTestId("team")).ToContainTextAsync("Mere Tautahi");
        await session.ScreenshotAsync("32-linked-client");

        await layout.SignOutAsync();
        await signIn.SignInAsClientAsync("ana@kowhairidge.example");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("team")).ToContainTextAsync("Mere Tautahi");
        await Expect(page.GetByTestId("team")).ToContainTextAsync("Account manager");
        await Expect(page.GetByTestId("relationships")).ToContainTextAsync("Kowhai Ridge Orchards Ltd");
        await session.ScreenshotAsync("33-client-portal-team");

        // Amendments in XPM, then a re-import, adjust the portal.
        await layout.SignOutAsync();
        await signIn.SignInAsStaffAsync();
        await session.WaitForInteractiveAsync();
        await layout.OpenMenuItemAsync("XPM sandbox");
        await page.GetByLabel("Search XPM clients").FillAsync("Ana Whitfield");
        await Expect(page.GetByTestId("sandbox-clients")).ToContainTextAsync("1-1 of 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Ana Whitfield" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Phone").FillAsync("06 555 0777");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Save in XPM" }).ClickAsync();
        await Expect(page.GetByTestId("sandbox-clients")).ToContainTextAsync("06 555 0777");
        await page.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        await ReimportChangesAsync();
        await Expect(review.Run).ToContainTextAsync("1 updated", new() { Timeout = 30_000 });
        await page.GotoAsync("/clients");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("clients-table").Locator("tr", new() { HasText = "Ana Whitfield" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("clients-table")).ToContainTextAsync("06 555 0777");

        // After an import, Import Data reads only what changed in XPM, and linked records come already ticked.
        async Task ReimportChangesAsync()
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Import Data" }).ClickAsync();
            var reviewBox = page.GetByTestId("review-box");
            await Expect(reviewBox).ToContainTextAsync("Only changes made in Xero Practice Manager since", new() { Timeout = 30_000 });
            await reviewBox.GetByRole(AriaRole.Link, new() { Name = "Review and import data" }).ClickAsync();
            await session.WaitForInteractiveAsync();
            await Expect(page.GetByTestId("staff-step")).ToBeVisibleAsync();
            await review.SaveAndContinueAsync();
            await Expect(page.GetByTestId("clients-step").GetByRole(AriaRole.Checkbox, new() { Name = "Import Ana Whitfield" })).ToBeCheckedAsync();
            await review.SaveAndContinueAsync();
            await review.SaveAndContinueAsync();
            await Expect(review.Preview).ToBeVisibleAsync();
            await review.ConfirmAsync();
        }

        async Task ImportAnaAsync()
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import Data" })).ToBeEnabledAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Import Data" }).ClickAsync();
            var reviewBox = page.GetByTestId("review-box");
            await Expect(reviewBox).ToContainTextAsync("Review and import data", new() { Timeout = 30_000 });
            await reviewBox.GetByRole(AriaRole.Link, new() { Name = "Review and import data" }).ClickAsync();
            await session.WaitForInteractiveAsync();
            await Expect(page.GetByTestId("staff-step")).ToBeVisibleAsync();
            await review.SelectAllStaffAsync();
            await Expect(page.GetByTestId("staff-step").GetByRole(AriaRole.Checkbox).First).ToBeCheckedAsync();
            await session.ScreenshotAsync("24-step-staff");
            await review.SaveAndContinueAsync();
            await Expect(review.DetailLevelChoice("Basic — name and email")).ToHaveAttributeAsync("aria-checked", "false");
            await Expect(review.DetailLevelChoice("All contact details — adds telephone and address")).ToHaveAttributeAsync("aria-checked", "true");
            await review.TickAsync("clients-step", "Ana Whitfield", "Ana Whitfield");
            await Expect(review.DetailLevelChoice("All contact details — adds telephone and address")).ToContainTextAsync("1 client's details will change");
            await session.ScreenshotAsync("25-step-clients");
            await review.SaveAndContinueAsync();
            await review.TickAsync("entities-step", "Kowhai Ridge Orchards", "Kowhai Ridge Orchards Ltd");
            await Expect(page.GetByTestId("entities-step")).ToContainTextAsync("Director: Ana Whitfield");
            await session.ScreenshotAsync("26-step-entities");
            await review.SaveAndContinueAsync();
            await Expect(review.Preview).ToBeVisibleAsync();
            await session.ScreenshotAsync("27-step-confirm");
            await review.ConfirmAsync();
        }
    }
}
