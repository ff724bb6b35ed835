using System.Net;
using Portal.Core.Clients;
using Portal.Infrastructure;

namespace Portal.Web.Identity;

/// <summary>Every page × every kind of user, through the real pipeline on real SQLite.</summary>
public sealed class AuthorizationMatrixTests : IClassFixture<AuthorizationMatrixTests.App>
{
    private readonly App _app;

    public AuthorizationMatrixTests(App app) => _app = app;

    public sealed class App : PortalAppFactory, IAsyncLifetime
    {
        public App() => UseTestAuth = true;

        public int ClientId { get; private set; }

        public async ValueTask InitializeAsync()
        {
            ClientId = await WithDbAsync(async db =>
            {
                var client = new Client { PracticeId = 1, Name = "Ana Whitfield", Email = "ana@example.com", CreatedAt = DateTime.UtcNow };
                db.Clients.Add(client);
                await db.SaveChangesAsync();
                return client.Id;
            });
        }
    }

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        string[] staffPages = ["/clients", "/clients/new", "/clients/{id}", "/staff", "/configure/integrations", "/configure/integrations/xpm", "/outbox"];
        foreach (var page in staffPages)
        {
            data.Add("anonymous", page, "signin");
            data.Add("Client", page, "denied");
            data.Add("Staff", page, "ok");
            data.Add("Manager", page, "ok");
        }

        data.Add("anonymous", "/portal", "signin");
        data.Add("Client", "/portal", "ok");
        data.Add("Staff", "/portal", "denied");
        data.Add("Manager", "/portal", "denied");
        data.Add("anonymous", "/signin", "ok");
        data.Add("Client", "/signin", "ok");
        data.Add("anonymous", "/", "signin");
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
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

    [Fact]
    public async Task Get_PortalAsClient_ShowsOnlyTheirOwnDetails()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, "Client");
        client.DefaultRequestHeaders.Add(TestAuthHandler.ClientIdHeader, _app.ClientId.ToString());

        var html = await client.GetStringAsync("/portal", TestContext.Current.CancellationToken);

        html.ShouldContain("ana@example.com");
        html.ShouldContain("My details");
    }
}
