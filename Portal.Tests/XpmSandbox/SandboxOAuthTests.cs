using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.XpmSandbox;

public sealed class SandboxOAuthTests
{
    [Fact]
    public async Task Authorize_WithoutAutoConsent_ShowsConsentPageWithAppScopesAndPractice()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:AutoConsent"] = "false" } };
        var client = app.CreateSandboxClient();

        var response = await client.GetAsync(SandboxHost.AuthorizeUrl());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(SandboxHost.ClientId);
        html.ShouldContain("practicemanager.client");
        html.ShouldContain("offline_access");
        html.ShouldContain("Harbourside Accounting");
        html.ShouldContain(">Allow access</button>");
        html.ShouldContain(">Cancel</button>");
        html.ShouldContain("Signed in as Test Staff");
    }

    [Fact]
    public async Task Consent_Allow_RedirectsToRedirectUriWithCodeAndState()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:AutoConsent"] = "false" } };
        var client = app.CreateSandboxClient();
        var requestId = await ConsentRequestIdAsync(client);

        var response = await client.PostAsync(SandboxHost.Authorize, Form(("request", requestId), ("decision", "allow")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(SandboxHost.RedirectUri);
        var query = QueryHelpers.ParseQuery(location.Query);
        query["code"].ToString().ShouldNotBeNullOrWhiteSpace();
        query["state"].ToString().ShouldBe("state-1");
    }

    [Fact]
    public async Task Consent_Cancel_RedirectsWithAccessDeniedAndState()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:AutoConsent"] = "false" } };
        var client = app.CreateSandboxClient();
        var requestId = await ConsentRequestIdAsync(client);

        var response = await client.PostAsync(SandboxHost.Authorize, Form(("request", requestId), ("decision", "cancel")));

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        query["error"].ToString().ShouldBe("access_denied");
        query["state"].ToString().ShouldBe("state-1");
        query.ContainsKey("code").ShouldBeFalse();
    }

    [Fact]
    public async Task Consent_SameRequestPostedTwice_IsRefusedTheSecondTime()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:AutoConsent"] = "false" } };
        var client = app.CreateSandboxClient();
        var requestId = await ConsentRequestIdAsync(client);
        await client.PostAsync(SandboxHost.Authorize, Form(("request", requestId), ("decision", "allow")));

        var again = await client.PostAsync(SandboxHost.Authorize, Form(("request", requestId), ("decision", "allow")));

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("someone-else", SandboxHost.RedirectUri)]
    [InlineData(SandboxHost.ClientId, "/relative/callback")]
    [InlineData(SandboxHost.ClientId, "ftp://localhost/callback")]
    public async Task Authorize_BadClientOrRedirectUri_ShowsErrorPageInsteadOfRedirecting(string clientId, string redirectUri)
    {
        await using var app = new SandboxHost();

        var response = await app.CreateSandboxClient().GetAsync(SandboxHost.AuthorizeUrl(clientId: clientId, redirectUri: redirectUri));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Theory]
    [InlineData("http://evil.example/configure/integrations/xpm/callback")]
    [InlineData("http://localhost:8080/configure/integrations/xpm/callback")]
    [InlineData("http://localhost/configure/integrations/xpm/callback/more")]
    [InlineData("http://localhost/configure/integrations/xpm/callback?next=/")]
    public async Task Authorize_RedirectUriNotRegistered_ShowsErrorPageInsteadOfRedirecting(string redirectUri)
    {
        await using var app = new SandboxHost();

        var response = await app.CreateSandboxClient().GetAsync(SandboxHost.AuthorizeUrl(redirectUri: redirectUri));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("redirect_uri is not registered for this app");
    }

    [Fact]
    public async Task Authorize_RedirectUrisSetting_ReplacesThePortalsCallback()
    {
        const string registered = "https://portal.example/xpm/done";
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:RedirectUris:0"] = registered } };
        var client = app.CreateSandboxClient();

        var accepted = await client.GetAsync(SandboxHost.AuthorizeUrl(redirectUri: registered));
        var refused = await client.GetAsync(SandboxHost.AuthorizeUrl());

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(registered);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Authorize_NotSignedIn_IsChallengedWithoutACode()
    {
        await using var app = new SandboxHost();

        var response = await app.CreateSandboxClient(signedInAs: null).GetAsync(SandboxHost.AuthorizeUrl());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task Authorize_SignedInButNotStaff_IsForbidden()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:AutoConsent"] = "false" } };

        var response = await app.CreateSandboxClient(signedInAs: "Client").GetAsync(SandboxHost.AuthorizeUrl());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Consent_PostedWithoutSignIn_IsChallengedAndTheRequestStaysUnanswered()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:AutoConsent"] = "false" } };
        var requestId = await ConsentRequestIdAsync(app.CreateSandboxClient());

        var anonymous = await app.CreateSandboxClient(signedInAs: null).PostAsync(SandboxHost.Authorize, Form(("request", requestId), ("decision", "allow")));
        var staff = await app.CreateSandboxClient().PostAsync(SandboxHost.Authorize, Form(("request", requestId), ("decision", "allow")));

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        staff.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Consent_PostedAfterThePendingLifetime_IsRefused()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:AutoConsent"] = "false" } };
        var client = app.CreateSandboxClient();
        var requestId = await ConsentRequestIdAsync(client);
        app.Time.Advance(TimeSpan.FromMinutes(10));

        var response = await client.PostAsync(SandboxHost.Authorize, Form(("request", requestId), ("decision", "allow")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Consent_MorePendingThanTheCap_DropsTheOldest()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:AutoConsent"] = "false", ["XpmSandbox:MaxPendingAuthorizations"] = "3" } };
        var client = app.CreateSandboxClient();
        var requestIds = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            requestIds.Add(await ConsentRequestIdAsync(client));
            app.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var oldest = await client.PostAsync(SandboxHost.Authorize, Form(("request", requestIds[0]), ("decision", "allow")));
        var second = await client.PostAsync(SandboxHost.Authorize, Form(("request", requestIds[1]), ("decision", "allow")));

        oldest.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Token_MoreUnredeemedCodesThanTheCap_DropsTheOldest()
    {
        await using var app = new SandboxHost { Settings = { ["XpmSandbox:MaxPendingAuthorizations"] = "2" } };
        var client = app.CreateSandboxClient();
        var codes = new List<(string Code, string Verifier)>();
        for (var i = 0; i < 3; i++)
        {
            var (verifier, challenge) = SandboxHost.Pkce();
            codes.Add((await CodeAsync(client, challenge), verifier));
            app.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var oldest = await client.PostAsync(SandboxHost.Token, CodeExchange(codes[0].Code, codes[0].Verifier));
        var newest = await client.PostAsync(SandboxHost.Token, CodeExchange(codes[2].Code, codes[2].Verifier));

        await ShouldBeOAuthErrorAsync(oldest, "invalid_grant");
        newest.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("profile email offline_access practicemanager.client", "invalid_scope")]
    public async Task Authorize_WithoutOpenIdScope_RedirectsWithInvalidScope(string scope, string error)
    {
        await using var app = new SandboxHost();

        var response = await app.CreateSandboxClient().GetAsync(SandboxHost.AuthorizeUrl(scope));

        QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"].ToString().ShouldBe(error);
    }

    [Fact]
    public async Task Authorize_ResponseTypeToken_RedirectsWithUnsupportedResponseType()
    {
        await using var app = new SandboxHost();
        var url = SandboxHost.AuthorizeUrl().Replace("response_type=code", "response_type=token");

        var response = await app.CreateSandboxClient().GetAsync(url);

        QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"].ToString().ShouldBe("unsupported_response_type");
    }

    [Fact]
    public async Task Token_CodeWithPkceVerifier_ReturnsXeroTokenJson()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var (verifier, challenge) = SandboxHost.Pkce();
        var code = await CodeAsync(client, challenge);

        var response = await client.PostAsync(SandboxHost.Token, Form(
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri),
            ("client_id", SandboxHost.ClientId), ("code_verifier", verifier)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["id_token", "access_token", "expires_in", "token_type", "refresh_token", "scope"], ignoreOrder: true);
        json.GetProperty("expires_in").GetInt32().ShouldBe(1800);
        json.GetProperty("token_type").GetString().ShouldBe("Bearer");
        json.GetProperty("scope").GetString().ShouldBe(SandboxHost.Scopes);
        json.GetProperty("access_token").GetString()!.Split('.').Length.ShouldBe(3);
    }

    [Fact]
    public async Task Token_WrongPkceVerifier_IsInvalidGrant()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var (_, challenge) = SandboxHost.Pkce();
        var (otherVerifier, _) = SandboxHost.Pkce();
        var code = await CodeAsync(client, challenge);

        var response = await client.PostAsync(SandboxHost.Token, Form(
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri),
            ("client_id", SandboxHost.ClientId), ("code_verifier", otherVerifier)));

        await ShouldBeOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task Token_CodeIssuedForAChallengeRedeemedWithoutAVerifier_IsInvalidGrantEvenWithTheSecret()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var (_, challenge) = SandboxHost.Pkce();
        var code = await CodeAsync(client, challenge);
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxHost.Token)
        {
            Content = Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri)),
        };
        request.Headers.Authorization = BasicAuth(SandboxHost.ClientSecret);

        var response = await client.SendAsync(request);

        await ShouldBeOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task Token_CodeUsedTwice_IsInvalidGrantTheSecondTime()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var (verifier, challenge) = SandboxHost.Pkce();
        var code = await CodeAsync(client, challenge);
        var exchange = new[] { ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri), ("client_id", SandboxHost.ClientId), ("code_verifier", verifier) };
        (await client.PostAsync(SandboxHost.Token, Form(exchange))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = await client.PostAsync(SandboxHost.Token, Form(exchange));

        await ShouldBeOAuthErrorAsync(second, "invalid_grant");
    }

    [Fact]
    public async Task Token_RedirectUriDifferentFromAuthorize_IsInvalidGrant()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var (verifier, challenge) = SandboxHost.Pkce();
        var code = await CodeAsync(client, challenge);

        var response = await client.PostAsync(SandboxHost.Token, Form(
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", "http://localhost/elsewhere"),
            ("client_id", SandboxHost.ClientId), ("code_verifier", verifier)));

        await ShouldBeOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task Token_CodeOlderThanItsLifetime_IsInvalidGrant()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var (verifier, challenge) = SandboxHost.Pkce();
        var code = await CodeAsync(client, challenge);
        app.Time.Advance(TimeSpan.FromMinutes(6));

        var response = await client.PostAsync(SandboxHost.Token, Form(
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri),
            ("client_id", SandboxHost.ClientId), ("code_verifier", verifier)));

        await ShouldBeOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task Token_BasicClientSecretWithoutPkce_ReturnsTokens()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var code = await CodeAsync(client, challenge: null);
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxHost.Token)
        {
            Content = Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri)),
        };
        request.Headers.Authorization = BasicAuth(SandboxHost.ClientSecret);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Token_WrongClientSecret_IsInvalidClient()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var code = await CodeAsync(client, challenge: null);
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxHost.Token)
        {
            Content = Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri)),
        };
        request.Headers.Authorization = BasicAuth("not-the-secret");

        await ShouldBeOAuthErrorAsync(await client.SendAsync(request), "invalid_client");
    }

    [Fact]
    public async Task Token_NeitherPkceNorSecret_IsInvalidClient()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var code = await CodeAsync(client, challenge: null);

        var response = await client.PostAsync(SandboxHost.Token, Form(
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri), ("client_id", SandboxHost.ClientId)));

        await ShouldBeOAuthErrorAsync(response, "invalid_client");
    }

    [Fact]
    public async Task Token_WithoutOfflineAccessScope_HasNoRefreshToken()
    {
        await using var app = new SandboxHost();

        var session = await app.ConnectAsync("openid profile email practicemanager.client");

        session.RefreshToken.ShouldBeNull();
    }

    [Fact]
    public async Task IdToken_IsUnsignedJwtWithSubEmailAndName()
    {
        await using var app = new SandboxHost();
        var client = app.CreateSandboxClient();
        var (verifier, challenge) = SandboxHost.Pkce();
        var code = await CodeAsync(client, challenge);
        var response = await client.PostAsync(SandboxHost.Token, Form(
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri),
            ("client_id", SandboxHost.ClientId), ("code_verifier", verifier)));

        var idToken = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id_token").GetString()!;

        var parts = idToken.Split('.');
        parts.Length.ShouldBe(3);
        parts[2].ShouldBeEmpty();
        var claims = JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement;
        claims.GetProperty("sub").GetString().ShouldNotBeNullOrEmpty();
        claims.GetProperty("email").GetString().ShouldBe("sandbox.admin@harbourside.example");
        claims.GetProperty("name").GetString().ShouldBe("Sandbox Admin");
        claims.GetProperty("aud").GetString().ShouldBe(SandboxHost.ClientId);
    }

    [Fact]
    public async Task Refresh_EachUse_ReturnsANewRefreshAndAccessToken()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();

        var first = await RefreshAsync(client, session.RefreshToken!);
        var second = await RefreshAsync(client, first.GetProperty("refresh_token").GetString()!);

        string[] refreshTokens = [session.RefreshToken!, first.GetProperty("refresh_token").GetString()!, second.GetProperty("refresh_token").GetString()!];
        refreshTokens.Distinct().Count().ShouldBe(3);
        string[] accessTokens = [session.AccessToken, first.GetProperty("access_token").GetString()!, second.GetProperty("access_token").GetString()!];
        accessTokens.Distinct().Count().ShouldBe(3);
        (await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session with { AccessToken = accessTokens[2] })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_ReplayedWithinGracePeriod_ReturnsTheSameNewPair()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();
        var first = await RefreshAsync(client, session.RefreshToken!);
        app.Time.Advance(TimeSpan.FromMinutes(29));

        var replay = await RefreshAsync(client, session.RefreshToken!);

        replay.GetProperty("refresh_token").GetString().ShouldBe(first.GetProperty("refresh_token").GetString());
        replay.GetProperty("access_token").GetString().ShouldBe(first.GetProperty("access_token").GetString());
    }

    [Fact]
    public async Task Refresh_ReplayedAfterGracePeriod_IsInvalidGrant()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();
        await RefreshAsync(client, session.RefreshToken!);
        app.Time.Advance(TimeSpan.FromMinutes(31));

        var replay = await client.PostAsync(SandboxHost.Token, Form(
            ("grant_type", "refresh_token"), ("refresh_token", session.RefreshToken!), ("client_id", SandboxHost.ClientId)));

        await ShouldBeOAuthErrorAsync(replay, "invalid_grant");
    }

    [Fact]
    public async Task Revocation_RevokesTheRefreshTokenItsAccessTokensAndConnections()
    {
        await using var app = new SandboxHost();
        var session = await app.ConnectAsync();
        var client = app.CreateSandboxClient();
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxHost.Revocation) { Content = Form(("token", session.RefreshToken!)) };
        request.Headers.Authorization = BasicAuth(SandboxHost.ClientSecret);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refresh = await client.PostAsync(SandboxHost.Token, Form(
            ("grant_type", "refresh_token"), ("refresh_token", session.RefreshToken!), ("client_id", SandboxHost.ClientId)));
        await ShouldBeOAuthErrorAsync(refresh, "invalid_grant");
        (await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", session))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        app.Services.GetRequiredService<SandboxIdentity>().Connections().ShouldBeEmpty();
    }

    [Fact]
    public async Task Revocation_OfOneGrant_LeavesAnotherGrantAndItsConnectionWorking()
    {
        await using var app = new SandboxHost();
        var revoked = await app.ConnectAsync();
        var other = await app.ConnectAsync();
        var client = app.CreateSandboxClient();
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxHost.Revocation) { Content = Form(("token", revoked.RefreshToken!)) };
        request.Headers.Authorization = BasicAuth(SandboxHost.ClientSecret);

        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", revoked))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.SendAsync(SandboxHost.ApiRequest(HttpMethod.Get, "staff.api/list", other))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RefreshAsync(client, other.RefreshToken!)).GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
        app.Services.GetRequiredService<SandboxIdentity>().Connections().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Revocation_UnknownToken_IsStillOk()
    {
        await using var app = new SandboxHost();

        var response = await app.CreateSandboxClient().PostAsync(SandboxHost.Revocation,
            Form(("token", "never-issued"), ("client_id", SandboxHost.ClientId)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    internal static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    internal static async Task<JsonElement> RefreshAsync(HttpClient client, string refreshToken)
    {
        var response = await client.PostAsync(SandboxHost.Token, Form(
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", SandboxHost.ClientId)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static FormUrlEncodedContent CodeExchange(string code, string verifier) => Form(
        ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SandboxHost.RedirectUri),
        ("client_id", SandboxHost.ClientId), ("code_verifier", verifier));

    private static async Task<string> CodeAsync(HttpClient client, string? challenge)
    {
        var response = await client.GetAsync(SandboxHost.AuthorizeUrl(challenge: challenge));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
    }

    private static async Task<string> ConsentRequestIdAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(SandboxHost.AuthorizeUrl());
        const string marker = "name=\"request\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    private static async Task ShouldBeOAuthErrorAsync(HttpResponseMessage response, string error)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe(error);
    }

    private static AuthenticationHeaderValue BasicAuth(string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SandboxHost.ClientId}:{secret}")));

    private static byte[] Base64UrlDecode(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
