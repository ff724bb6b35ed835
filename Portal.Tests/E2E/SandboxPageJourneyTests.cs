using Microsoft.Playwright;
using Portal.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class SandboxPageJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_EditsAClientInTheSandbox_AndTheChangeIsInXpm()
    {
        await using var session = await PortalSession.StartAsync(browser);
        var page = session.Page;
        var signIn = new SignInPageObject(page);
        await signIn.OpenAsync();
        await signIn.SignInAsStaffAsync();
        await session.WaitForInteractiveAsync();
        await new LayoutPageObject(page).OpenMenuItemAsync("XPM sandbox");
        var clients = page.GetByTestId("sandbox-clients");
        await page.GetByLabel("Search XPM clients").FillAsync("Ana Whitfield");
        await Expect(clients).ToContainTextAsync("ana@kowhairidge.example");

        await Expect(clients).ToContainTextAsync("1-1 of 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Ana Whitfield" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Phone").FillAsync("06 555 0777");
        await session.ScreenshotAsync("13-sandbox-edit");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save in XPM" }).ClickAsync();

        await Expect(clients).ToContainTextAsync("06 555 0777");
        var practice = (Portal.XpmSandbox.SandboxPractice)session.App.Services.GetService(typeof(Portal.XpmSandbox.SandboxPractice))!;
        practice.FindClient(Portal.XpmSandbox.SandboxWellKnown.AnaWhitfield)!.Phone.ShouldBe("06 555 0777");
    }
}
