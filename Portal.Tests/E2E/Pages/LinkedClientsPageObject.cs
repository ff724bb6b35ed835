using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>The managers' Linked clients review.</summary>
public sealed class LinkedClientsPageObject(IPage page)
{
    public ILocator Table => page.GetByTestId("linked-clients");

    public ILocator Row(string name) => Table.Locator("tbody tr").Filter(new() { HasText = name });

    public async Task ShowAsync(string filter)
    {
        await page.GetByTestId("filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = filter }).ClickAsync();
    }

    public async Task UnlinkAsync(string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Unlink {name}" }).ClickAsync();
        await Row(name).GetByRole(AriaRole.Button, new() { Name = "Confirm unlink" }).ClickAsync();
    }
}
