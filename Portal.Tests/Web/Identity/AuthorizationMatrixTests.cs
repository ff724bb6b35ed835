using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Clients;
using Portal.Core.Email;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Practices;
using Portal.Infrastructure;

namespace Portal.Web.Identity;

/// <summary>
/// Every route of the running app (Razor component pages and minimal APIs, read from its <see cref="EndpointDataSource"/>)
/// × anonymous, client A, client B, staff and manager, through the real pipeline on real SQLite, with route parameters
/// filled from seeded data. <see cref="Table"/> is the expected outcome of each cell; a route the app has and the table
/// lacks (or the reverse) fails <see cref="Routes_OfTheRunningApp_AreExactlyTheRoutesOfTheTable"/>, so a new page or
/// endpoint cannot be added without deciding who may reach it. docs/security.md section 5 is this table.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    // Outcomes: "ok" 200; "signin" a redirect to /signin (the challenge); "denied" a redirect to /access-denied (forbidden);
    // "→/path" another redirect; otherwise the status code.
    private const string Ok = "ok", SignIn = "signin", Denied = "denied";

    public static readonly string[] Users = ["anonymous", "clientA", "clientB", "staff", "manager"];

    /// <summary>The staff area: the practice's own pages and endpoints.</summary>
    private static Row Staff(string route, string request, string? staffOutcome = null) =>
        new(route, request, SignIn, Denied, Denied, staffOutcome ?? Ok, staffOutcome ?? Ok);

    private static Row Everyone(string route, string request, string outcome, string why) =>
        new(route, request, outcome, outcome, outcome, outcome, outcome, why);

    private const string XpmApi = "/sandbox/xpm/api/practicemanager/3.1";

    /// <summary>Keyed by the app's route pattern and methods; Request is what the test sends, with seeded ids.</summary>
    public static readonly IReadOnlyList<Row> Table =
    [
        // Portal pages (Razor components; GET renders, POST is the same endpoint for enhanced forms).
        new("GET,POST /", "GET /", SignIn, "→/portal", "→/portal", "→/clients", "→/clients", "home sends each role to its area"),
        new("GET,POST /signin", "GET /signin", Ok, Ok, Ok, Ok, Ok, "sign-in page"),
        new("GET,POST /access-denied", "GET /access-denied", SignIn, Ok, Ok, Ok, Ok),
        new("GET,POST /not-found", "GET /not-found", SignIn, Ok, Ok, Ok, Ok),
        new("GET,POST /Error", "GET /Error", Ok, Ok, Ok, Ok, Ok, "error page, shown whoever hit the error"),
        new("GET,POST /portal", "GET /portal", SignIn, Ok, Ok, Denied, Denied, "client portal: the signed-in client's own record only"),
        Staff("GET,POST /clients", "GET /clients"),
        Staff("GET,POST /clients/new", "GET /clients/new"),
        Staff("GET,POST /clients/{Id:int}", "GET /clients/{clientA}"),
        Staff("GET,POST /clients/{Id:int}/edit", "GET /clients/{clientA}/edit"),
        new("GET,POST /conflicts", "GET /conflicts", SignIn, Denied, Denied, Denied, Ok, "the Conflicts inbox: managers only"),
        new("GET,POST /linked-clients", "GET /linked-clients", SignIn, Denied, Denied, Denied, Ok, "the Linked clients review: managers only"),
        Staff("GET,POST /staff", "GET /staff"),
        Staff("GET,POST /outbox", "GET /outbox"),
        Staff("GET,POST /outbox/{EmailId}", "GET /outbox/{email}"),
        Staff("GET,POST /configure/integrations", "GET /configure/integrations"),
        Staff("GET,POST /configure/integrations/xpm", "GET /configure/integrations/xpm"),
        Staff("GET,POST /configure/integrations/xpm/choose", "GET /configure/integrations/xpm/choose?state=unknown"),
        Staff("GET,POST /configure/integrations/xpm/review/{RunId:int}", "GET /configure/integrations/xpm/review/{fetchRun}"),
        Staff("GET,POST /configure/integrations/xpm/sync", "GET /configure/integrations/xpm/sync"),

        // Portal endpoints.
        Everyone("* /healthz", "GET /healthz", Ok, "load balancer probe; says only Healthy/Unhealthy"),
        Everyone("POST /account/demo-signin", "POST /account/demo-signin", "400", "anonymous by design; refused without the sign-in page's antiforgery token"),
        new("GET /account/entra-signin", "GET /account/entra-signin", SignIn, "404", "404", "404", "404",
            "404 while Entra ID is not configured; an anonymous visitor's 404 page (/not-found) asks for sign-in"),
        new("POST /account/signout", "POST /account/signout", SignIn, "400", "400", "400", "400", "signed in: refused without the page's antiforgery token"),
        Staff("GET /configure/integrations/xpm/connect", "GET /configure/integrations/xpm/connect", "→/sandbox/xpm/identity/connect/authorize"),
        Staff("GET /configure/integrations/xpm/callback", "GET /configure/integrations/xpm/callback", "→/configure/integrations/xpm"),
        Staff("GET /configure/integrations/xpm/imports/{runId:int}/outcomes.csv", "GET /configure/integrations/xpm/imports/{importRun}/outcomes.csv"),
        Staff("GET /configure/integrations/xpm/imports/{runId:int}/changes.csv", "GET /configure/integrations/xpm/imports/{importRun}/changes.csv"),
        Staff("GET /clients/{clientId:int}/history.csv", "GET /clients/{clientA}/history.csv"),

        // The XPM sandbox (on in Development). Its page and consent stand in for Xero's sign-in: staff only.
        Staff("GET,POST /sandbox", "GET /sandbox"),
        Staff("GET /sandbox/xpm/identity/connect/authorize", "GET /sandbox/xpm/identity/connect/authorize", "400"),
        Staff("POST /sandbox/xpm/identity/connect/authorize", "POST /sandbox/xpm/identity/connect/authorize", "400"),
        // Server-to-server, as at Xero: the app's client credentials or a bearer token, never a portal sign-in.
        Everyone("POST /sandbox/xpm/connect/token", "POST /sandbox/xpm/connect/token", "400", "needs the app's client credentials"),
        Everyone("POST /sandbox/xpm/connect/revocation", "POST /sandbox/xpm/connect/revocation", "400", "needs the app's client credentials"),
        Everyone("GET /sandbox/xpm/connections", "GET /sandbox/xpm/connections", "401", "needs a bearer token"),
        Everyone("DELETE /sandbox/xpm/connections/{id}", "DELETE /sandbox/xpm/connections/{connection}", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/staff.api/list", $"GET {XpmApi}/staff.api/list", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/staff.api/get/{{uuid}}", $"GET {XpmApi}/staff.api/get/{{staffUuid}}", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/client.api/list", $"GET {XpmApi}/client.api/list", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/client.api/search", $"GET {XpmApi}/client.api/search?query=Ana", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/client.api/get/{{uuid}}", $"GET {XpmApi}/client.api/get/{{clientUuid}}", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/client.api/paged-list", $"GET {XpmApi}/client.api/paged-list", "401", "needs a bearer token"),
        Everyone($"POST {XpmApi}/client.api/add", $"POST {XpmApi}/client.api/add", "401", "needs a bearer token"),
        Everyone($"PUT {XpmApi}/client.api/update", $"PUT {XpmApi}/client.api/update", "401", "needs a bearer token"),
        Everyone($"PUT {XpmApi}/client.api/archive", $"PUT {XpmApi}/client.api/archive", "401", "needs a bearer token"),
        Everyone($"POST {XpmApi}/client.api/delete", $"POST {XpmApi}/client.api/delete", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/client.api/contacts", $"GET {XpmApi}/client.api/contacts", "401", "needs a bearer token"),
        Everyone($"POST {XpmApi}/client.api/contact", $"POST {XpmApi}/client.api/contact", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/client.api/contact/{{uuid}}", $"GET {XpmApi}/client.api/contact/{{contactUuid}}", "401", "needs a bearer token"),
        Everyone($"PUT {XpmApi}/client.api/contact/{{uuid}}", $"PUT {XpmApi}/client.api/contact/{{contactUuid}}", "401", "needs a bearer token"),
        Everyone($"DELETE {XpmApi}/client.api/contact/{{uuid}}", $"DELETE {XpmApi}/client.api/contact/{{contactUuid}}", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/clientgroup.api/list", $"GET {XpmApi}/clientgroup.api/list", "401", "needs a bearer token"),
        Everyone($"GET {XpmApi}/clientgroup.api/get/{{uuid}}", $"GET {XpmApi}/clientgroup.api/get/{{groupUuid}}", "401", "needs a bearer token"),
        Everyone($"* {XpmApi}/{{**path}}", $"GET {XpmApi}/job.api/list", "401", "any other XPM method: the gateway's 401 before its 404"),
    ];

    /// <summary>Routes the app has that are not the portal's to authorize, each with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
    {
        ["* /_blazor"] = "Blazor's SignalR circuit hub: it only renders the pages above, each authorized again inside the circuit",
        ["* /_blazor/negotiate"] = "the circuit hub's negotiation",
        ["* /_blazor/disconnect/"] = "closes a circuit by its id (a secret the page holds)",
        ["* /_blazor/initializers/"] = "lists JavaScript initializers: static, public",
        ["GET /_framework/opaque-redirect"] = "Blazor's redirect helper for enhanced navigation; follows only to a data-protected target",
        ["GET,HEAD {**path:file}"] = "Development-only fallback of MapStaticAssets for files changed at runtime",
    };

    [Fact]
    public void Routes_OfTheRunningApp_AreExactlyTheRoutesOfTheTable()
    {
        var routes = AppRoutes(app).Where(r => !Excluded.ContainsKey(r)).ToHashSet();

        var missingFromTable = routes.Except(Table.Select(r => r.Route)).Order().ToList();
        var notInApp = Table.Select(r => r.Route).Concat(Excluded.Keys).Except(AppRoutes(app)).Order().ToList();

        missingFromTable.ShouldBeEmpty("the app has routes the authorization matrix does not list: add each to Table (and docs/security.md section 5)");
        notInApp.ShouldBeEmpty("the authorization matrix lists routes the app no longer has");
        Table.Select(r => r.Route).ShouldBeUnique();
    }

    [Fact]
    public void StaticAssets_AreAnonymousFilesOnly()
    {
        var assets = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null).ToList();

        assets.ShouldNotBeEmpty();
        assets.ShouldAllBe(e => e.Metadata.GetMetadata<IAllowAnonymous>() != null
            && e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.All(m => m == "GET" || m == "HEAD"));
    }

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Table)
        {
            foreach (var user in Users)
            {
                data.Add(row.Route, user);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Route_AsUser_HasTheOutcomeOfTheTable(string route, string user)
    {
        var row = Table.Single(r => r.Route == route);

        var response = await app.SendAsync(user, row.Request);

        Outcome(response).ShouldBe(row.For(user), $"{row.Request} as {user}");
    }

    [Theory]
    [InlineData("clientA", "/portal")]
    [InlineData("clientA", "/portal?clientId={clientB}&id={clientB}")]
    [InlineData("clientA", "/portal/{clientB}")]
    [InlineData("clientA", "/clients/{clientB}")]
    [InlineData("clientA", "/configure/integrations/xpm/imports/{importRun}/outcomes.csv")]
    [InlineData("clientA", "/clients/{clientB}/history.csv")]
    [InlineData("clientB", "/portal?clientId={clientA}")]
    [InlineData("clientB", "/clients/{clientA}")]
    public async Task ClientPages_WhateverIdIsInTheUrl_ShowOnlyTheSignedInClientsOwnData(string user, string path)
    {
        var (mine, theirs) = user == "clientA" ? (App.ClientA, App.ClientB) : (App.ClientB, App.ClientA);

        var response = await app.SendAsync(user, "GET " + path);
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldNotContain(theirs.Name);
        html.ShouldNotContain(theirs.Email!);
        html.ShouldNotContain(theirs.Phone!);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            html.ShouldContain(mine.Email!);
        }
        else
        {
            Outcome(response).ShouldBeOneOf(Denied, "404");
        }
    }

    [Theory]
    [InlineData("/clients/{otherPracticeClient}")]
    [InlineData("/configure/integrations/xpm/review/{otherPracticeFetchRun}")]
    [InlineData("/configure/integrations/xpm/imports/{otherPracticeImportRun}/outcomes.csv")]
    [InlineData("/configure/integrations/xpm/imports/{otherPracticeImportRun}/changes.csv")]
    [InlineData("/clients/{otherPracticeClient}/history.csv")]
    [InlineData("/clients?search=Other")]
    public async Task Staff_IdsOfAnotherPractice_ShowNothingOfIt(string path)
    {
        var response = await app.SendAsync("staff", "GET " + path);
        var body = await response.Content.ReadAsStringAsync();

        body.ShouldNotContain(App.OtherPracticeClient.Name);
        body.ShouldNotContain(App.OtherPracticeClient.Email!);
        if (path.EndsWith(".csv", StringComparison.Ordinal))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task OutcomeCsv_OfTheStaffsPractice_IsTheFile()
    {
        var response = await app.SendAsync("manager", "GET /configure/integrations/xpm/imports/{importRun}/outcomes.csv");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await response.Content.ReadAsStringAsync()).ShouldContain(App.ClientA.Name);
    }

    private static IEnumerable<string> AppRoutes(App app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
            .Distinct();

    private static string Outcome(HttpResponseMessage response)
    {
        if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var path = (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
            return path switch
            {
                "/signin" => SignIn,
                "/access-denied" => Denied,
                _ => "→" + path,
            };
        }

        return response.StatusCode == HttpStatusCode.OK ? Ok : ((int)response.StatusCode).ToString();
    }

    public sealed record Row(string Route, string Request, string Anonymous, string ClientA, string ClientB, string Staff, string Manager, string? Why = null)
    {
        public string For(string user) => user switch
        {
            "anonymous" => Anonymous,
            "clientA" => ClientA,
            "clientB" => ClientB,
            "staff" => Staff,
            "manager" => Manager,
            _ => throw new ArgumentOutOfRangeException(nameof(user)),
        };
    }

    /// <summary>The app with the sandbox on (Development), two clients of practice 1, a fetch and its import, an email, and a second practice.</summary>
    public sealed class App : PortalAppFactory, IAsyncLifetime
    {
        public static readonly Client ClientA = new() { PracticeId = 1, Name = "Ana Whitfield", Email = "ana@whitfield.example", Phone = "021 555 0101" };
        public static readonly Client ClientB = new() { PracticeId = 1, Name = "Ben Okafor", Email = "ben@okafor.example", Phone = "021 555 0202" };
        public static readonly Client OtherPracticeClient = new() { PracticeId = 2, Name = "Otto Otherpractice", Email = "otto@other.example", Phone = "021 555 0303" };

        private readonly Dictionary<string, string> _ids = [];

        public App() => UseTestAuth = true;

        public async ValueTask InitializeAsync()
        {
            await WithDbAsync(async db =>
            {
                db.Add(new Practice { Id = 2, Name = "Other Practice", CreatedAt = DateTime.UtcNow });
                foreach (var client in new[] { ClientA, ClientB, OtherPracticeClient })
                {
                    db.Clients.Add(new Client { PracticeId = client.PracticeId, Name = client.Name, Email = client.Email, Phone = client.Phone, CreatedAt = DateTime.UtcNow });
                }

                await db.SaveChangesAsync();
                foreach (var (key, client) in new[] { ("clientA", ClientA), ("clientB", ClientB), ("otherPracticeClient", OtherPracticeClient) })
                {
                    _ids[key] = db.Clients.Single(c => c.Name == client.Name).Id.ToString();
                }

                foreach (var (practice, prefix) in new[] { (1, ""), (2, "otherPractice") })
                {
                    var fetch = new ImportRun { PracticeId = practice, Kind = ImportRunKind.Fetch, Status = ImportRunStatus.Succeeded, StartedBy = "Sam Staff", CreatedAt = DateTime.UtcNow };
                    db.Add(fetch);
                    await db.SaveChangesAsync();
                    var import = new ImportRun
                    {
                        PracticeId = practice,
                        Kind = ImportRunKind.Import,
                        Status = ImportRunStatus.Succeeded,
                        StartedBy = "Sam Staff",
                        CreatedAt = DateTime.UtcNow,
                        FetchRunId = fetch.Id,
                        Created = 1,
                    };
                    db.Add(import);
                    await db.SaveChangesAsync();
                    db.Add(new ImportOutcome
                    {
                        RunId = import.Id,
                        XpmUuid = Guid.NewGuid(),
                        RecordType = "Client",
                        Action = ImportAction.Create,
                        Name = practice == 1 ? ClientA.Name : OtherPracticeClient.Name,
                    });
                    await db.SaveChangesAsync();
                    _ids[prefix == "" ? "fetchRun" : prefix + "FetchRun"] = fetch.Id.ToString();
                    _ids[prefix == "" ? "importRun" : prefix + "ImportRun"] = import.Id.ToString();
                }

                return 0;
            });
            var sent = await Services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage("sam@practice.example", "Matrix test", "Hello"));
            sent.Succeeded.ShouldBeTrue();
            _ids["email"] = (await Services.GetRequiredService<EmailOutbox>().ListAsync()).Single().Id;
            _ids["connection"] = Guid.NewGuid().ToString();
            _ids["staffUuid"] = SandboxWellKnown.MereTautahi.ToString();
            _ids["clientUuid"] = SandboxWellKnown.AnaWhitfield.ToString();
            _ids["contactUuid"] = SandboxWellKnown.AnaWhitfieldContact.ToString();
            _ids["groupUuid"] = SandboxWellKnown.WhitfieldFamilyGroup.ToString();
        }

        /// <summary>"GET /clients/{clientA}" as a user, with seeded ids filled in; never follows redirects.</summary>
        public async Task<HttpResponseMessage> SendAsync(string user, string request)
        {
            var (method, path) = (request[..request.IndexOf(' ')], request[(request.IndexOf(' ') + 1)..]);
            path = Regex.Replace(path, "{(\\w+)}", m => _ids[m.Groups[1].Value]);
            var client = CreateClient(new() { AllowAutoRedirect = false });
            if (user != "anonymous")
            {
                client.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, user.StartsWith("client", StringComparison.Ordinal) ? "Client" : user == "staff" ? "Staff" : "Manager");
                if (user.StartsWith("client", StringComparison.Ordinal))
                {
                    client.DefaultRequestHeaders.Add(TestAuthHandler.ClientIdHeader, _ids[user]);
                }
            }

            using var message = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT")
            {
                message.Content = new FormUrlEncodedContent([]);
            }

            return await client.SendAsync(message, TestContext.Current.CancellationToken);
        }
    }
}
