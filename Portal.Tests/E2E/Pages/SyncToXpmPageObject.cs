using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>"Sync data to Xero Practice Manager": Choose → Clients → Preview and confirm → progress.</summary>
public sealed class SyncToXpmPageObject(IPage page)
{
    /// <summary>On the Manage page.</summary>
    public Task OpenFromManagePageAsync() =>
        page.GetByTestId("sync-panel").GetByRole(AriaRole.Link, new() { Name = "Sync data to Xero Practice Manager" }).ClickAsync();

    public Task ChooseClientsAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Choose clients" }).ClickAsync();

    public ILocator Clients => page.GetByTestId("sync-clients");

    public ILocator ClientTick(string name) => Clients.GetByRole(AriaRole.Checkbox, new() { Name = $"Sync {name}" });

    public Task PreviewAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

    public ILocator PreviewOf(string name) => page.GetByTestId("sync-preview-client").Filter(new() { HasText = name });

    public ILocator Calls => page.GetByTestId("sync-calls");

    public Task ConfirmAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Confirm and sync" }).ClickAsync();

    public ILocator Run => page.GetByTestId("sync-run");
}
