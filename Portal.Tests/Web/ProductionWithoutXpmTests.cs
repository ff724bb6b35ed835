using System.Net;
using Portal.Infrastructure;

namespace Portal.Web;

/// <summary>
/// The portal deployed to Production with no XPM settings at all: it starts, serves nothing of the built-in
/// sandbox, and the Manage page says what to configure.
/// </summary>
public sealed class ProductionWithoutXpmTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new() { EnvironmentName = "Production", UseTestAuth = true };
    private HttpClient _staff = null!;

    public ValueTask InitializeAsync()
    {
        _staff = _app.CreateClient(new() { AllowAutoRedirect = false });
        _staff.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, "Staff");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("/sandbox")]
    [InlineData("/sandbox/xpm/connections")]
    [InlineData("/sandbox/xpm/identity/connect/authorize?response_type=code&client_id=portal-sandbox-client&scope=openid")]
    [InlineData("/sandbox/xpm/api/practicemanager/3.1/staff.api/list")]
    public async Task SandboxRoutes_AreNotFound(string path)
    {
        var response = await _staff.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Menu_HasNoSandboxEntryAndNoBanner()
    {
        var html = await _staff.GetStringAsync("/clients");

        html.ShouldContain("href=\"/outbox\"");
        html.ShouldNotContain("href=\"/sandbox\"");
        html.ShouldNotContain("XPM sandbox");
        html.ShouldNotContain("data-testid=\"module-notice\"");
    }

    [Fact]
    public async Task ManagePage_SaysXpmIsNotConfiguredAndWhichSettingsToAdd()
    {
        var html = await _staff.GetStringAsync("/configure/integrations/xpm");

        html.ShouldContain("Xero Practice Manager is not configured");
        foreach (var key in new[] { "Xpm:ApiBaseUrl", "Xpm:ClientId", "Xpm:ClientSecret", "XpmSandbox:Enabled=true" })
        {
            html.ShouldContain(key);
        }
    }

    [Fact]
    public async Task Connect_WithNothingToConnectTo_ComesBackWithTheReason()
    {
        var response = await _staff.GetAsync("/configure/integrations/xpm/connect");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(response.Headers.Location!.ToString()).ShouldContain("Xero Practice Manager is not configured");
    }
}
