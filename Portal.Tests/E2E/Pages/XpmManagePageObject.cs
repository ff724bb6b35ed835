using Microsoft.Playwright;

namespace Portal.E2E.Pages;

public sealed class XpmManagePageObject(IPage page)
{
    public ILocator Status => page.GetByTestId("xpm-status");
    public ILocator Practice => page.GetByTestId("xpm-practice");
    public ILocator Expiry => page.GetByTestId("xpm-expiry");
    public ILocator CallsLeftToday => page.GetByTestId("quota-day");
    public ILocator CallsLeftThisMinute => page.GetByTestId("quota-minute");
    public ILocator ConnectedNotice => page.GetByTestId("xpm-connected");

    public Task ConnectAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Connect to Xero Practice Manager" }).ClickAsync();

    /// <summary>On the sandbox's consent page (Xero's, in production).</summary>
    public Task AllowAccessAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Allow access" }).ClickAsync();

    public async Task DisconnectAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
    }
}
