using Microsoft.Playwright;

namespace Portal.E2E.Pages;

public sealed class SignInPageObject(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/signin");

    public Task SignInAsStaffAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in as staff" }).ClickAsync();

    public Task SignInAsManagerAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in as manager" }).ClickAsync();

    public async Task SignInAsClientAsync(string email)
    {
        await page.GetByLabel("Client email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as client" }).ClickAsync();
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" });

    public ILocator Error => page.GetByTestId("signin-error");
}
