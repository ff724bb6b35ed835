using System.Net;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure;

namespace Portal.Web.Identity;

/// <summary>Demo sign-in turned on outside Development is honoured, but never silently.</summary>
public sealed class DemoSignInWarningTests
{
    [Fact]
    public async Task Start_DemoSignInInProduction_LogsAWarning()
    {
        await using var app = new ProductionAppFactory { Settings = { ["Auth:DemoSignIn"] = "true" } };

        app.CreateClient();

        app.Logs.GetSnapshot().ShouldContain(r => r.Level == LogLevel.Warning && r.Message.Contains("Demo sign-in is on in the Production environment"));
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/clients")]
    public async Task Get_DemoSignInInProduction_ShowsTheBannerOnEveryPage(string page)
    {
        await using var app = new ProductionAppFactory { UseTestAuth = true, Settings = { ["Auth:DemoSignIn"] = "true" } };
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, "Staff");

        var response = await client.GetAsync(page);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"demo-banner\"");
    }

    [Fact]
    public async Task Get_DemoSignInInDevelopment_ShowsNoBannerAndLogsNoWarning()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/signin");

        html.ShouldNotContain("data-testid=\"demo-banner\"");
        html.ShouldContain("data-testid=\"demo-marker\"");
    }
}
