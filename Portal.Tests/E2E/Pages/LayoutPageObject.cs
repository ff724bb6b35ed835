using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>The app bar and the navigation menu every signed-in page shares.</summary>
public sealed class LayoutPageObject(IPage page)
{
    public Task OpenMenuItemAsync(string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    public ILocator MenuItem(string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator SignedInUser => page.GetByTestId("signed-in-user");

    public ILocator DemoMarker => page.GetByTestId("demo-marker");

    public Task SignOutAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
}
