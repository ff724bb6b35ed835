using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Common;

namespace Portal.XpmSandbox;

/// <summary>
/// The emulator alone, as any host would run it: <c>AddXpmSandbox</c> and <c>MapXpmSandbox</c> on an in-memory test
/// server, with a header sign-in standing in for the host's (<see cref="SignedInHeader"/>) and no portal database.
/// Automatic consent, roomy rate limits, a small practice and (by default) a fake clock. Tests talk raw HTTP to it,
/// as the portal's XPM client would. Starts on first use, so settings can be changed until then.
/// </summary>
public class SandboxHost : IAsyncDisposable
{
    public const string Authorize = "/sandbox/xpm/identity/connect/authorize";
    public const string Token = "/sandbox/xpm/connect/token";
    public const string Revocation = "/sandbox/xpm/connect/revocation";
    public const string Connections = "/sandbox/xpm/connections";
    public const string Api = "/sandbox/xpm/api/practicemanager/3.1/";
    public const string ClientId = "portal-sandbox-client";
    public const string ClientSecret = "portal-sandbox-secret";
    public const string RedirectUri = "http://localhost/configure/integrations/xpm/callback";
    public const string Scopes = "openid profile email offline_access practicemanager.client practicemanager.staff.read";

    /// <summary>The host's staff policy handed to <c>AddXpmSandbox</c>: a signed-in user with the Staff role.</summary>
    public const string HostStaffPolicy = "HostStaff";

    /// <summary>Signs a request in, with this header's value as the user's role.</summary>
    public const string SignedInHeader = "X-Test-Signed-In-As";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private WebApplication? _app;

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["XpmSandbox:AutoConsent"] = "true",
        ["XpmSandbox:Clients"] = "120",
        ["XpmSandbox:RateLimits:PerMinute"] = "100000",
        ["XpmSandbox:RateLimits:PerDay"] = "1000000",
        ["XpmSandbox:RateLimits:Concurrent"] = "1000",
        ["XpmSandbox:RateLimits:AppPerMinute"] = "1000000",
    };

    public string Environment { get; init; } = "Development";

    /// <summary>The host's clock, unless <see cref="UseFakeTime"/> is off.</summary>
    public FakeTimeProvider Time { get; } = new(Start);

    public bool UseFakeTime { get; init; } = true;

    public IServiceProvider Services => App.Services;

    public SandboxFaults Faults => Services.GetRequiredService<SandboxFaults>();

    public SandboxPractice Practice => Services.GetRequiredService<SandboxPractice>();

    private WebApplication App => _app ??= Build();

    /// <summary>A client that follows no redirects; signed in as staff unless <paramref name="signedInAs"/> is null.</summary>
    public HttpClient CreateSandboxClient(string? signedInAs = "Staff")
    {
        var client = App.GetTestClient();
        if (signedInAs is not null)
        {
            client.DefaultRequestHeaders.Add(SignedInHeader, signedInAs);
        }

        return client;
    }

    /// <summary>Authorization code + PKCE with automatic consent, then the first connection's tenant.</summary>
    public async Task<SandboxSession> ConnectAsync(string scope = Scopes)
    {
        var client = CreateSandboxClient();
        var (verifier, challenge) = Pkce();
        var authorize = await client.GetAsync(AuthorizeUrl(scope, "state-1", challenge));
        authorize.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();

        var token = await client.PostAsync(Token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId,
            ["code_verifier"] = verifier,
        }));
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await token.Content.ReadFromJsonAsync<JsonElement>();
        var accessToken = json.GetProperty("access_token").GetString()!;

        var connections = await client.SendAsync(Bearer(HttpMethod.Get, Connections, accessToken));
        var tenantId = (await connections.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("tenantId").GetGuid();
        return new SandboxSession(accessToken, json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null, tenantId);
    }

    public static string AuthorizeUrl(string scope = Scopes, string state = "state-1", string? challenge = null, string redirectUri = RedirectUri, string clientId = ClientId)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
        };
        if (challenge is not null)
        {
            query["code_challenge"] = challenge;
            query["code_challenge_method"] = "S256";
        }

        return QueryHelpers.AddQueryString(Authorize, query);
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static HttpRequestMessage Bearer(HttpMethod method, string url, string accessToken)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    /// <summary>An XPM API call: bearer, tenant header and (for writes) a bare XML body sent the way XPM accepts it.</summary>
    public static HttpRequestMessage ApiRequest(HttpMethod method, string path, SandboxSession session, string? xml = null)
    {
        var request = Bearer(method, Api + path, session.AccessToken);
        request.Headers.Add("Xero-Tenant-Id", session.TenantId.ToString());
        if (xml is not null)
        {
            request.Content = new StringContent(xml, Encoding.UTF8, "application/xml");
        }

        return request;
    }

    /// <summary>Sends an API call and parses its XML, checking the transport-level promises on the way.</summary>
    public async Task<XElement> XmlAsync(HttpClient client, HttpMethod method, string path, SandboxSession session, string? xml = null)
    {
        var response = await client.SendAsync(ApiRequest(method, path, session, xml));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/xml; charset=utf-8");
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    public Task<XElement> GetXmlAsync(HttpClient client, string path, SandboxSession session) => XmlAsync(client, HttpMethod.Get, path, session);

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environment, ApplicationName = typeof(SandboxHost).Assembly.GetName().Name });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(UseFakeTime ? Time : TimeProvider.System);
        builder.Services.AddSingleton<IPortalAddress>(new FixedAddress(new Uri("http://localhost/")));
        builder.Services.AddAuthentication(HeaderSignIn.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderSignIn>(HeaderSignIn.SchemeName, _ => { });
        builder.Services.AddAuthorizationBuilder().AddPolicy(HostStaffPolicy, p => p.RequireRole("Staff"));
        builder.AddXpmSandbox(HostStaffPolicy);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapXpmSandbox();
        try
        {
            // Synchronous like WebApplicationFactory's first use, so tests read as they did against the portal.
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        return app;
    }

    private sealed record FixedAddress(Uri BaseUri) : IPortalAddress;

    /// <summary>The host's sign-in: <see cref="SignedInHeader"/> present means signed in, with its value as the role.</summary>
    private sealed class HeaderSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Header";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(SignedInHeader, out var role))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"Test {role}"), new Claim(ClaimTypes.Role, role.ToString())], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}

public sealed record SandboxSession(string AccessToken, string? RefreshToken, Guid TenantId);
