using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Pages;

/// <summary>The review stepper: Staff → Clients → Entities → Confirm.</summary>
public sealed class ImportReviewPageObject(IPage page)
{
    /// <summary>Clicks "Save and continue" and waits for the next step, so two calls in a row never click the same step's button twice.</summary>
    public async Task SaveAndContinueAsync()
    {
        var current = page.GetByRole(AriaRole.Tab, new() { Selected = true });
        var before = await current.InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).Locator("visible=true").ClickAsync();
        await Expect(current).Not.ToHaveTextAsync(before, new() { Timeout = 30_000 });
    }

    public Task SelectAllStaffAsync() => page.GetByTestId("staff-step").GetByRole(AriaRole.Button, new() { Name = "Select all" }).ClickAsync();

    public async Task TickAsync(string stepTestId, string search, string name)
    {
        var step = page.GetByTestId(stepTestId);
        await step.GetByRole(AriaRole.Textbox).First.FillAsync(search);
        await Expect(step.Locator("tbody tr")).ToHaveCountAsync(1);
        await step.GetByRole(AriaRole.Checkbox, new() { Name = $"Import {name}" }).CheckAsync();
        await Expect(step.GetByRole(AriaRole.Checkbox, new() { Name = $"Import {name}" })).ToBeCheckedAsync();
    }

    /// <summary>The Clients step's two detail levels, both shown at once, the chosen one checked.</summary>
    public ILocator DetailLevel => page.GetByRole(AriaRole.Radiogroup, new() { Name = "Which client details to bring across" });

    public ILocator DetailLevelChoice(string label) => DetailLevel.GetByRole(AriaRole.Radio, new() { Name = label });

    public ILocator Preview => page.GetByTestId("import-preview");

    public ILocator Run => page.GetByTestId("import-run");

    public Task ConfirmAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import data" }).ClickAsync();
}
