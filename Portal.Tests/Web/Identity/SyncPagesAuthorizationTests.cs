using System.Net;
using Portal.Core.Clients;
using Portal.Infrastructure;

namespace Portal.Web.Identity;

/// <summary>The two-way pages: the Conflicts inbox is for managers only; editing a client is for staff.</summary>
public sealed class SyncPagesAuthorizationTests : IClassFixture<SyncPagesAuthorizationTests.App>
{
    private readonly App _app;

    public SyncPagesAuthorizationTests(App app) => _app = app;

    public sealed class App : PortalAppFactory, IAsyncLifetime
    {
        public App() => UseTestAuth = true;

        public int ClientId { get; private set; }

        public async ValueTask InitializeAsync() => ClientId = await WithDbAsync(async db =>
        {
            var client = new Client { PracticeId = 1, Name = "Ana Whitfield", Email = "ana@example.com", CreatedAt = DateTime.UtcNow };
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            return client.Id;
        });
    }

    [Theory]
    [InlineData("anonymous", "/conflicts", "signin")]
    [InlineData("Client", "/conflicts", "denied")]
    [InlineData("Staff", "/conflicts", "denied")]
    [InlineData("Manager", "/conflicts", "ok")]
    [InlineData("anonymous", "/clients/{id}/edit", "signin")]
    [InlineData("Client", "/clients/{id}/edit", "denied")]
    [InlineData("Staff", "/clients/{id}/edit", "ok")]
    [InlineData("Manager", "/clients/{id}/edit", "ok")]
    public async Task Get_PageAsUser_IsAllowedOnlyForItsRoles(string user, string page, string expected)
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        if (user != "anonymous")
        {
            client.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, user);
            client.DefaultRequestHeaders.Add(TestAuthHandler.ClientIdHeader, _app.ClientId.ToString());
        }

        var response = await client.GetAsync(page.Replace("{id}", _app.ClientId.ToString()), TestContext.Current.CancellationToken);

        var outcome = response.StatusCode switch
        {
            HttpStatusCode.OK => "ok",
            HttpStatusCode.Redirect when response.Headers.Location!.ToString().Contains("/signin") => "signin",
            HttpStatusCode.Redirect when response.Headers.Location!.ToString().Contains("/access-denied") => "denied",
            _ => $"{(int)response.StatusCode} {response.Headers.Location}",
        };
        outcome.ShouldBe(expected);
    }
}
