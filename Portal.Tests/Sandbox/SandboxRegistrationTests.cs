using System.Net;
using Microsoft.Extensions.Options;
using Portal.Infrastructure;

namespace Portal.Sandbox;

public sealed class SandboxRegistrationTests
{
    [Fact]
    public async Task Sandbox_WithNoXpmConfigured_IsServedWithoutPortalSignIn()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var connections = await client.GetAsync(SandboxAppFactory.Connections);
        var consent = await client.GetAsync(SandboxAppFactory.AuthorizeUrl());

        connections.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        connections.Headers.Contains("Xero-Correlation-Id").ShouldBeTrue();
        consent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await consent.Content.ReadAsStringAsync()).ShouldContain("Allow access");
    }

    [Theory]
    [InlineData("Xpm:ApiBaseUrl", "https://api.xero.com/practicemanager/3.1/")]
    [InlineData("XpmSandbox:Enabled", "false")]
    public async Task Sandbox_WithARealXpmOrSwitchedOff_IsNotServed(string key, string value)
    {
        // A real XPM needs the app's client id, or start-up stops.
        await using var app = new PortalAppFactory { Settings = { [key] = value, ["Xpm:ClientId"] = "portal-app" } };
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(SandboxAppFactory.Connections);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/signin");
    }

    [Fact]
    public async Task Sandbox_WithAnApiBaseUrlPointingAtItself_IsServed()
    {
        await using var app = new PortalAppFactory { Settings = { ["Xpm:ApiBaseUrl"] = "http://localhost:5228/sandbox/xpm/api/practicemanager/3.1/" } };

        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(SandboxAppFactory.Connections);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sandbox_WithMoreThanFiftyThousandClients_StopsStartUp()
    {
        await using var app = new SandboxAppFactory { Settings = { ["XpmSandbox:Clients"] = "50001" } };

        Should.Throw<OptionsValidationException>(() => app.CreateClient());
    }
}
