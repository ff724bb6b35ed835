using Microsoft.Playwright;

namespace Portal.E2E.Pages;

/// <summary>The managers' Conflicts inbox.</summary>
public sealed class ConflictsPageObject(IPage page)
{
    public ILocator Table => page.GetByTestId("conflicts");

    public ILocator Row(string clientName, string field) =>
        Table.Locator("tbody tr", new() { HasText = clientName }).Filter(new() { HasText = field });

    public Task ResolveAsync(string clientName, string field, string choice) =>
        Row(clientName, field).GetByRole(AriaRole.Button, new() { Name = choice }).ClickAsync();

    public ILocator EmptyState => page.GetByTestId("empty-state");
}
