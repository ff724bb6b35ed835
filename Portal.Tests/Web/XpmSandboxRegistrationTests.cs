using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure;

namespace Portal.Web;

/// <summary>How Program.cs turns the built-in XPM sandbox on and off, and what the portal then shows of it.</summary>
public sealed class XpmSandboxRegistrationTests
{
    private const string Connections = "/sandbox/xpm/connections";

    private const string ConsentPage = "/sandbox/xpm/identity/connect/authorize?response_type=code&client_id=portal-sandbox-client"
        + "&redirect_uri=http%3A%2F%2Flocalhost%2Fconfigure%2Fintegrations%2Fxpm%2Fcallback&scope=openid";

    private static HttpClient Staff(PortalAppFactory app)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, "Staff");
        return client;
    }

    [Fact]
    public async Task Sandbox_InDevelopmentWithNoXpmConfigured_IsServedWithItsPageAndMenuEntry()
    {
        await using var app = new PortalAppFactory { UseTestAuth = true };
        var staff = Staff(app);

        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var connections = await anonymous.GetAsync(Connections);
        var anonymousConsent = await anonymous.GetAsync(ConsentPage);
        var staffConsent = await staff.GetAsync(ConsentPage);
        var page = await staff.GetAsync("/sandbox");
        var clients = await staff.GetStringAsync("/clients");

        connections.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        connections.Headers.Contains("Xero-Correlation-Id").ShouldBeTrue();
        anonymousConsent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymousConsent.Headers.Location!.ToString().ShouldContain("/signin");
        staffConsent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staffConsent.Content.ReadAsStringAsync()).ShouldContain("Allow access");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"sandbox-clients\"");
        clients.ShouldContain("href=\"/sandbox\"");
        clients.ShouldNotContain("data-testid=\"module-notice\"");
    }

    [Theory]
    [InlineData("Development", "Xpm:ApiBaseUrl", "https://api.xero.com/practicemanager/3.1/")]
    [InlineData("Development", "XpmSandbox:Enabled", "false")]
    [InlineData("Staging", "Xpm:ApiBaseUrl", "")]
    public async Task Sandbox_WithARealXpmSwitchedOffOrOutsideDevelopment_IsNotServedNorShown(string environment, string key, string value)
    {
        // A real XPM needs the app's client id, or start-up stops.
        await using var app = new PortalAppFactory { EnvironmentName = environment, UseTestAuth = true, Settings = { [key] = value, ["Xpm:ClientId"] = "portal-app" } };
        var staff = Staff(app);

        var connections = await staff.GetAsync(Connections);
        var page = await staff.GetAsync("/sandbox");
        var clients = await staff.GetStringAsync("/clients");

        connections.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        clients.ShouldNotContain("href=\"/sandbox\"");
    }

    [Fact]
    public async Task Sandbox_EnabledOutsideDevelopment_WarnsAtStartAndShowsABannerOnEveryPage()
    {
        var logs = new CapturedLogs();
        await using var app = new PortalAppFactory
        {
            EnvironmentName = "Production",
            UseTestAuth = true,
            Settings = { ["XpmSandbox:Enabled"] = "true" },
            TestServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        var staff = Staff(app);

        var clients = await staff.GetStringAsync("/clients");
        var signIn = await app.CreateClient().GetStringAsync("/signin");

        logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("XPM sandbox is on in the Production environment"));
        clients.ShouldContain("data-testid=\"module-notice\"");
        clients.ShouldContain("XPM sandbox on");
        signIn.ShouldContain("XPM sandbox on");
        clients.ShouldContain("href=\"/sandbox\"");
        (await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(Connections)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
