using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Common;
using Portal.Infrastructure;

namespace Portal.Web.Security;

/// <summary>Headers, HTTPS and cookies through the real pipeline, in Development and as deployed (Production).</summary>
public sealed partial class SecurityHeadersTests
{
    [GeneratedRegex("<script type=\"importmap\" nonce=\"([^\"]+)\"")]
    private static partial Regex ImportMapNonce();

    [Theory]
    [InlineData("/signin")]
    [InlineData("/healthz")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    [InlineData("/clients")]
    public async Task Get_AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldContain("connect-src 'self'");
        csp.ShouldNotContain("unsafe-eval");
        Regex.Match(csp, "script-src [^;]*").Value.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
    }

    [Fact]
    public async Task Get_Page_ImportMapCarriesThisResponsesNonce()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var first = await client.GetAsync("/signin");
        var second = await client.GetAsync("/signin");

        var nonce = ImportMapNonce().Match(await first.Content.ReadAsStringAsync()).Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty();
        first.Headers.GetValues("Content-Security-Policy").Single().ShouldContain($"script-src 'self' 'nonce-{nonce}'");
        ImportMapNonce().Match(await second.Content.ReadAsStringAsync()).Groups[1].Value.ShouldNotBe(nonce);
    }

    [Fact]
    public async Task Get_InProductionOverHttps_SendsHsts()
    {
        await using var app = new ProductionAppFactory();
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://portal.practice.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/healthz");

        response.Headers.GetValues("Strict-Transport-Security").ShouldBe(["max-age=31536000"]);
    }

    [Fact]
    public async Task Get_InProductionOverHttp_RedirectsToHttps()
    {
        await using var app = new ProductionAppFactory { Settings = { ["https_port"] = "443" } };
        var client = app.CreateClient(new() { BaseAddress = new Uri("http://portal.practice.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/signin?returnUrl=%2Fclients");

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location.ShouldBe(new Uri("https://portal.practice.example/signin?returnUrl=%2Fclients"));
    }

    [Fact]
    public async Task Get_InDevelopment_NoHstsOrHttpsRedirect()
    {
        await using var app = new PortalAppFactory { Settings = { ["https_port"] = "443" } };
        var client = app.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_InProduction_CookiesAreSecureHttpOnlyAndSameSite()
    {
        await using var app = new ProductionAppFactory { Settings = { ["Auth:DemoSignIn"] = "true" } };
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://portal.practice.example"), AllowAutoRedirect = false });

        var page = await client.GetAsync("/signin");
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/account/demo-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = "staff",
            ["__RequestVerificationToken"] = token,
        }));

        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        antiforgery.ShouldContain("secure");
        antiforgery.ShouldContain("httponly");
        antiforgery.ShouldContain("samesite=strict");
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        auth.ShouldContain("secure");
        auth.ShouldContain("httponly");
        auth.ShouldContain("samesite=lax");
    }

    [Fact]
    public async Task Start_InProductionWithoutAnHttpsBaseUrl_Warns()
    {
        await using var app = new ProductionAppFactory();

        app.CreateClient();

        app.Logs.GetSnapshot().ShouldContain(r => r.Level == LogLevel.Warning && r.Message.Contains("Portal:BaseUrl is not an https address"));
    }

    [Fact]
    public async Task Start_InProductionWithAnHttpsBaseUrl_EmailLinksUseIt()
    {
        await using var app = new ProductionAppFactory { Settings = { ["Portal:BaseUrl"] = "https://portal.practice.example" } };

        app.CreateClient();

        app.Services.GetRequiredService<IPortalAddress>().BaseUri.ShouldBe(new Uri("https://portal.practice.example/"));
        app.Logs.GetSnapshot().ShouldNotContain(r => r.Message.Contains("Portal:BaseUrl"));
    }

    [Fact]
    public async Task XpmConnect_BehindATlsProxy_AsksForAnHttpsRedirectUri()
    {
        await using var app = new PortalAppFactory { UseTestAuth = true };
        var baseUri = app.StartKestrel();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseUri };
        client.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, "Staff");

        // The proxy (here on loopback, trusted by default) took the request over TLS and says so.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/configure/integrations/xpm/connect");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        query["redirect_uri"].ToString().ShouldBe($"https://{baseUri.Authority}/configure/integrations/xpm/callback");
    }

    [Fact]
    public async Task ForwardedHeaders_ConfiguredProxies_AreTrustedBesideLoopback()
    {
        await using var app = new PortalAppFactory
        {
            Settings = { ["Security:KnownProxies:0"] = "10.0.0.4", ["Security:KnownNetworks:0"] = "10.1.0.0/24" },
        };

        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        options.KnownProxies.ShouldContain(IPAddress.Parse("10.0.0.4"));
        options.KnownIPNetworks.ShouldContain(System.Net.IPNetwork.Parse("10.1.0.0/24"));
        options.KnownIPNetworks.ShouldContain(System.Net.IPNetwork.Parse("127.0.0.0/8"));
        options.ForwardedHeaders.ShouldBe(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
    }

    [Fact]
    public async Task Start_KnownProxyThatIsNotAnAddress_StopsWithTheReason()
    {
        await using var app = new PortalAppFactory { Settings = { ["Security:KnownProxies:0"] = "proxy.internal" } };

        Should.Throw<OptionsValidationException>(() => app.CreateClient()).Message.ShouldContain("'proxy.internal', which is not an IP address");
    }
}
