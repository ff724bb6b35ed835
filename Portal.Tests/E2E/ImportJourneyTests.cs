using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Pages;
using Portal.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ImportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_ImportsData_ProgressIsLiveWithoutReloading_ThenTheReviewBoxAndEmailAppear()
    {
        var app = new PortalAppFactory
        {
            Settings =
            {
                ["XpmSandbox:AutoConsent"] = "true",
                // Slow enough to watch the progress, as a big practice would be.
                ["XpmSandbox:Faults:DetailedListLatency"] = "00:00:01.500",
            },
        };
        await using var session = await PortalSession.StartAsync(browser, app);
        var page = session.Page;
        var signIn = new SignInPageObject(page);
        var manage = new XpmManagePageObject(page);
        await signIn.OpenAsync();
        await signIn.SignInAsStaffAsync();
        await session.WaitForInteractiveAsync();
        await page.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        await manage.ConnectAsync();
        // The connection check runs on the live circuit only: once its notice shows, clicks are handled.
        await Expect(manage.ConnectedNotice).ToContainTextAsync("staff members can be imported");
        await page.EvaluateAsync("window.__sameDocument = true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import Data" }).ClickAsync();

        await Expect(page.GetByTestId("import-progress")).ToContainTextAsync("Reading clients from Xero Practice Manager");
        await session.ScreenshotAsync("20-import-progress");
        var reviewBox = page.GetByTestId("review-box");
        await Expect(reviewBox).ToContainTextAsync("Review and import data", new() { Timeout = 30_000 });
        await Expect(reviewBox).ToContainTextAsync(new Regex("25 staff, [0-9]+ clients and [0-9]+ entities"));
        (await page.EvaluateAsync<bool>("window.__sameDocument === true")).ShouldBeTrue("the page reloaded; progress must be pushed live");
        await session.ScreenshotAsync("21-review-box");

        await new LayoutPageObject(page).OpenMenuItemAsync("Outbox");
        await page.GetByText("Your Xero Practice Manager data is ready to review").ClickAsync();
        await Expect(page.FrameLocator("iframe[title='Email body']").GetByRole(AriaRole.Link, new() { Name = "Review and import data" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("22-outbox-email");
    }
}
