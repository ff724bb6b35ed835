using Microsoft.Playwright;

namespace Portal.E2E.Pages;

public sealed class NewClientPageObject(IPage page)
{
    public async Task FillPersonAsync(string firstName, string lastName, string email, string phone)
    {
        await page.GetByLabel("First name").FillAsync(firstName);
        await page.GetByLabel("Last name").FillAsync(lastName);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync(phone);
    }

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
}
