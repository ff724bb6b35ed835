using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Clients;
using Portal.Core.Email;
using Portal.Core.Xpm;
using Portal.E2E.Pages;
using Portal.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E;

/// <summary>
/// The portal under its Content-Security-Policy in a real Chromium: pages render, the circuit connects over a WebSocket,
/// MudBlazor works and the Outbox's sandboxed email frame shows, with not one CSP violation.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class SecurityJourneyTests(BrowserFixture browser)
{
    // Chromium reports a blocked script, style, connection or frame both as an event and on the console.
    private const string ViolationListener = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));
        """;

    [Fact]
    public async Task MainPages_UnderTheContentSecurityPolicy_WorkWithoutViolations()
    {
        var app = new PortalAppFactory();
        await using var session = await PortalSession.StartAsync(browser, app);
        var page = session.Page;
        var problems = new List<string>();
        var webSockets = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to"))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.WebSocket += (_, socket) => webSockets.Add(socket.Url);
        await page.AddInitScriptAsync(ViolationListener);
        var (anaId, oddId) = await SeedAsync(app);
        var signIn = new SignInPageObject(page);
        var layout = new LayoutPageObject(page);

        var signInPage = await page.GotoAsync("/signin");
        var headers = await signInPage!.AllHeadersAsync();
        headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        headers["x-content-type-options"].ShouldBe("nosniff");
        await signIn.SignInAsStaffAsync();
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("clients-table")).ToContainTextAsync("Ana Whitfield");
        await CheckAsync(page, problems);

        await page.GotoAsync($"/clients/{anaId}");
        await session.WaitForInteractiveAsync();
        var xpmLink = page.GetByRole(AriaRole.Link, new() { Name = "Open in Xero Practice Manager" });
        await Expect(xpmLink).ToHaveAttributeAsync("href", "https://practicemanager.xero.com/Client/4400001/Detail");
        await CheckAsync(page, problems);

        await page.GotoAsync($"/clients/{oddId}");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("xpm-web-url")).ToContainTextAsync("javascript:alert(document.domain)");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open in Xero Practice Manager" })).ToHaveCountAsync(0);
        await CheckAsync(page, problems);

        // MudBlazor's JS (popovers, the drawer) and the circuit's events run under the policy.
        await layout.OpenMenuItemAsync("Outbox");
        await page.GetByText("Your statement is ready").ClickAsync();
        var email = page.FrameLocator("iframe[title='Email body']");
        await Expect(email.GetByRole(AriaRole.Link, new() { Name = "Open the portal" })).ToBeVisibleAsync();
        await Expect(email.GetByText("Kia ora Ana")).ToHaveCSSAsync("color", "rgb(0, 128, 0)");
        await session.ScreenshotAsync("30-outbox-under-csp");
        await CheckAsync(page, problems);

        await layout.SignOutAsync();
        await signIn.SignInAsClientAsync("ana@kowhairidge.example");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Ana" })).ToBeVisibleAsync();
        await CheckAsync(page, problems);

        webSockets.ShouldContain(url => url.Contains("/_blazor"), "the circuit must connect over a WebSocket under connect-src");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Client_ArchivedWhileThePortalIsOpen_IsSentToSignIn()
    {
        var app = new PortalAppFactory { Settings = { ["Auth:RevalidateInterval"] = "00:00:01" } };
        await using var session = await PortalSession.StartAsync(browser, app);
        var page = session.Page;
        await SeedAsync(app);
        var signIn = new SignInPageObject(page);
        await signIn.OpenAsync();
        await signIn.SignInAsClientAsync("ana@kowhairidge.example");
        await session.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Ana" })).ToBeVisibleAsync();

        await app.WithDbAsync(db => db.Clients.Where(c => c.Email == "ana@kowhairidge.example")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true)));

        // No click, no reload: the open page's circuit notices and the cookie is refused on the way to sign-in.
        await Expect(signIn.Heading).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await page.GotoAsync("/portal");
        await Expect(signIn.Heading).ToBeVisibleAsync();
    }

    private static async Task CheckAsync(IPage page, List<string> problems)
    {
        var violations = await page.EvaluateAsync<string[]>("window.__cspViolations ?? []");
        problems.AddRange(violations.Select(v => $"{page.Url}: {v}"));
        problems.ShouldBeEmpty();
    }

    private static async Task<(int AnaId, int OddId)> SeedAsync(PortalAppFactory app)
    {
        var ids = await app.WithDbAsync(async db =>
        {
            var ana = new Client
            {
                PracticeId = 1,
                Name = "Ana Whitfield",
                FirstName = "Ana",
                LastName = "Whitfield",
                Email = "ana@kowhairidge.example",
                CreatedAt = DateTime.UtcNow,
                XpmLink = new XpmLink { XpmUuid = Guid.NewGuid(), LinkedAt = DateTime.UtcNow, WebUrl = "https://practicemanager.xero.com/Client/4400001/Detail" },
            };
            var odd = new Client
            {
                PracticeId = 1,
                Name = "Odd Link Ltd",
                Kind = ClientKind.Entity,
                BusinessStructure = "Company",
                CreatedAt = DateTime.UtcNow,
                XpmLink = new XpmLink { XpmUuid = Guid.NewGuid(), LinkedAt = DateTime.UtcNow, WebUrl = "javascript:alert(document.domain)" },
            };
            db.Clients.AddRange(ana, odd);
            await db.SaveChangesAsync();
            return (ana.Id, odd.Id);
        });
        var sent = await app.Services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage(
            "ana@kowhairidge.example",
            "Your statement is ready",
            "Kia ora Ana, your statement is ready.",
            "<p style=\"color: green\">Kia ora Ana</p><p><a href=\"https://portal.practice.example/portal\">Open the portal</a></p>"));
        sent.Succeeded.ShouldBeTrue();
        return ids;
    }
}
