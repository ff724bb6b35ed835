using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class XpmConnectJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_ConnectsThroughTheSandboxConsentPage_ThenAManagerDisconnects()
    {
        await using var session = await PortalSession.StartAsync(browser);
        var page = session.Page;
        var signIn = new SignInPageObject(page);
        var layout = new LayoutPageObject(page);
        var manage = new XpmManagePageObject(page);
        await signIn.OpenAsync();
        await signIn.SignInAsStaffAsync();
        await session.WaitForInteractiveAsync();
        await layout.OpenMenuItemAsync("Integrations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage" }).ClickAsync();
        await Expect(manage.Status).ToContainTextAsync("Not connected");

        await manage.ConnectAsync();
        await Expect(page.GetByText("XPM sandbox — not the real Xero")).ToBeVisibleAsync();
        await Expect(page.GetByText("Harbourside Accounting")).ToBeVisibleAsync();
        await session.ScreenshotAsync("10-sandbox-consent");
        await manage.AllowAccessAsync();
        await session.WaitForInteractiveAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/configure/integrations/xpm\\?connected=true$"));
        await Expect(manage.ConnectedNotice).ToContainTextAsync("staff members can be imported");
        await Expect(manage.Status).ToContainTextAsync("Connected");
        await Expect(manage.Practice).ToHaveTextAsync("Harbourside Accounting");
        await Expect(manage.Expiry).ToContainTextAsync("UTC");
        await Expect(manage.CallsLeftToday).ToHaveTextAsync(new Regex("^[0-9,]+$"));
        await Expect(manage.CallsLeftThisMinute).ToHaveTextAsync(new Regex("^[0-9,]+$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("11-xpm-connected");

        await layout.SignOutAsync();
        await signIn.SignInAsManagerAsync();
        await session.WaitForInteractiveAsync();
        await page.GotoAsync("/configure/integrations/xpm");
        await session.WaitForInteractiveAsync();
        await manage.DisconnectAsync();

        await Expect(manage.Status).ToContainTextAsync("Not connected");
        await session.ScreenshotAsync("12-xpm-disconnected");
    }
}
