using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Identity;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Connection;
using Portal.Infrastructure;
using Portal.XpmSandbox;

namespace Portal.Xpm.Connection;

/// <summary>"Connect to Xero Practice Manager" through the embedded sandbox over real HTTP.</summary>
public sealed class XpmConnectionTests
{
    [Fact]
    public async Task Connect_WithConsent_StoresTheConnectionWithEncryptedTokens()
    {
        await using var portal = await SandboxPortal.StartAsync();

        var landed = await portal.ConnectAsync();

        landed.AbsolutePath.ShouldBe("/configure/integrations/xpm");
        SandboxPortal.Query(landed, "connected").ShouldBe("true");
        var connection = (await portal.ConnectionAsync()).ShouldNotBeNull();
        (connection.TenantName, connection.Status, connection.ConnectedBy).ShouldBe(("Harbourside Accounting", XpmConnectionStatus.Connected, "staff@test.example"));
        connection.TenantId.ShouldBe(portal.Practice.TenantId.ToString());
        connection.Scopes.ShouldContain("practicemanager.client");
        connection.AccessTokenExpiresAt.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(25));
        var protector = portal.App.Services.GetRequiredService<XpmTokenProtector>();
        var accessToken = protector.Unprotect(connection.ProtectedAccessToken);
        connection.ProtectedAccessToken.ShouldNotContain(accessToken);
        (await portal.App.WithDbAsync(db => db.Set<XpmAuthorization>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task CheckAsync_Connected_CountsTheStaffAndRecordsTheQuota()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();

        var staff = await ServiceAs(portal, PortalRoles.Staff).CheckAsync();

        staff.Value.ShouldBe(portal.Practice.Current.Staff.Count);
        var quota = portal.App.Services.GetRequiredService<XpmQuota>().Current;
        quota.DayLimitRemaining.ShouldNotBeNull();
        quota.MinuteLimitRemaining.ShouldNotBeNull();
        quota.LastCallPath.ShouldNotBeNull().ShouldContain("staff.api/list");
    }

    [Fact]
    public async Task Connect_ConsentCancelled_SaysAccessWasNotAllowedAndStoresNothing()
    {
        await using var portal = await SandboxPortal.StartAsync(autoConsent: false);
        using var browser = portal.Browser();
        var authorize = await browser.GetAsync("/configure/integrations/xpm/connect");
        var consentPage = await browser.GetStringAsync(authorize.Headers.Location);
        consentPage.ShouldContain("Allow access");
        var form = Regex.Match(consentPage, "<form method=\"post\" action=\"([^\"]+)\">");
        var requestId = Regex.Match(consentPage, "name=\"request\" value=\"([^\"]+)\"").Groups[1].Value;

        var cancelled = await browser.PostAsync(
            new Uri(authorize.Headers.Location!, System.Net.WebUtility.HtmlDecode(form.Groups[1].Value)),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["request"] = requestId, ["decision"] = "cancel" }));
        var callback = await browser.GetAsync(cancelled.Headers.Location);

        SandboxPortal.Query(new Uri(portal.BaseUri, callback.Headers.Location!), "error").ShouldBe("Xero did not grant access: access was not allowed.");
        (await portal.ConnectionAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Callback_StateUsedTwice_IsRefusedTheSecondTime()
    {
        await using var portal = await SandboxPortal.StartAsync();
        using var browser = portal.Browser();
        var authorize = await browser.GetAsync("/configure/integrations/xpm/connect");
        var consent = await browser.GetAsync(authorize.Headers.Location);
        await browser.GetAsync(consent.Headers.Location);

        var replay = await browser.GetAsync(consent.Headers.Location);

        SandboxPortal.Query(new Uri(portal.BaseUri, replay.Headers.Location!), "error")!.ShouldContain("expired or was already used");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a-state-the-portal-never-issued")]
    public async Task Callback_WithAMissingOrUnknownState_IsRefusedBeforeTheCodeIsExchanged(string? state)
    {
        await using var portal = await SandboxPortal.StartAsync();
        using var browser = portal.Browser();
        var (_, code) = await AuthorizeAsync(browser);

        var callback = await browser.GetAsync(Callback(state, code));

        Error(portal, callback).ShouldBe(new XpmAuthorizationExpiredError().Message);
        portal.TokenCalls.CodeExchanges.ShouldBe(0);
        (await portal.ConnectionAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Callback_WithAValidStateButNoCode_IsRefusedAndTheAttemptForgotten()
    {
        await using var portal = await SandboxPortal.StartAsync();
        using var browser = portal.Browser();
        var (state, code) = await AuthorizeAsync(browser);

        var callback = await browser.GetAsync(Callback(state, code: null));

        Error(portal, callback).ShouldBe("Xero did not grant access: no authorization code was returned.");
        Error(portal, await browser.GetAsync(Callback(state, code))).ShouldBe(new XpmAuthorizationExpiredError().Message);
        portal.TokenCalls.CodeExchanges.ShouldBe(0);
    }

    /// <summary>
    /// Code injection: a code obtained for one attempt (an attacker's own sign-in, or a code leaked from another browser)
    /// delivered with the state of another. The code's PKCE challenge is not the attempt's, so Xero refuses the exchange.
    /// </summary>
    [Fact]
    public async Task Callback_CodeOfOneAttemptWithTheStateOfAnother_FailsPkceAndConnectsNothing()
    {
        await using var portal = await SandboxPortal.StartAsync();
        using var browser = portal.Browser();
        var (_, firstCode) = await AuthorizeAsync(browser);
        var (secondState, secondCode) = await AuthorizeAsync(browser);

        var callback = await browser.GetAsync(Callback(secondState, firstCode));

        Error(portal, callback).ShouldBe(new XpmCodeRefusedError().Message);
        portal.TokenCalls.CodeExchanges.ShouldBe(1);
        (await portal.ConnectionAsync()).ShouldBeNull();
        Error(portal, await browser.GetAsync(Callback(secondState, secondCode))).ShouldBe(new XpmAuthorizationExpiredError().Message);
    }

    [Fact]
    public async Task Callback_CodeReplayedWithAFreshStateAfterItConnected_IsRefusedAndTheConnectionKept()
    {
        await using var portal = await SandboxPortal.StartAsync();
        using var browser = portal.Browser();
        var (firstState, firstCode) = await AuthorizeAsync(browser);
        var (secondState, _) = await AuthorizeAsync(browser);
        SandboxPortal.Query(new Uri(portal.BaseUri, (await browser.GetAsync(Callback(firstState, firstCode))).Headers.Location!), "connected").ShouldBe("true");
        var connected = (await portal.ConnectionAsync())!;

        var replay = await browser.GetAsync(Callback(secondState, firstCode));

        Error(portal, replay).ShouldBe(new XpmCodeRefusedError().Message);
        var kept = (await portal.ConnectionAsync())!;
        (kept.Status, kept.ProtectedRefreshToken).ShouldBe((XpmConnectionStatus.Connected, connected.ProtectedRefreshToken));
    }

    [Fact]
    public async Task Connect_AsClient_IsForbidden()
    {
        await using var portal = await SandboxPortal.StartAsync();
        using var browser = portal.Browser("Client");

        var response = await browser.GetAsync("/configure/integrations/xpm/connect");

        response.Headers.Location!.ToString().ShouldContain("/access-denied");
    }

    [Fact]
    public async Task Connect_SeveralPractices_AsksWhichOneThenConnectsIt()
    {
        await using var portal = await SandboxPortal.StartAsync(secondPractice: true);

        var landed = await portal.ConnectAsync();

        landed.AbsolutePath.ShouldBe("/configure/integrations/xpm/choose");
        (await portal.ConnectionAsync()).ShouldBeNull();
        var service = ServiceAs(portal, PortalRoles.Staff);
        var state = SandboxPortal.Query(landed, "state");
        var practices = (await service.GetPracticeChoiceAsync(state)).Value!;
        practices.Select(p => p.TenantName).ShouldBe(["Harbourside Accounting", "Harbourside Accounting Tauranga"], ignoreOrder: true);

        var chosen = await service.ChoosePracticeAsync(state, practices.Single(p => p.TenantName!.EndsWith("Tauranga")).TenantId);

        chosen.Succeeded.ShouldBeTrue();
        (await portal.ConnectionAsync())!.TenantName.ShouldBe("Harbourside Accounting Tauranga");
    }

    [Fact]
    public async Task Disconnect_AsManager_RevokesTheTokensAndForgetsThem()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        var xpm = portal.App.Services.GetRequiredService<IXpmClient>();
        (await xpm.GetStaffMemberAsync(SandboxWellKnown.MereTautahi, CancellationToken.None)).Succeeded.ShouldBeTrue();
        var refreshToken = portal.App.Services.GetRequiredService<XpmTokenProtector>().Unprotect((await portal.ConnectionAsync())!.ProtectedRefreshToken);

        var result = await ServiceAs(portal, PortalRoles.Manager).DisconnectAsync();

        result.Succeeded.ShouldBeTrue();
        (await portal.ConnectionAsync()).ShouldBeNull();
        using var http = new HttpClient();
        var refresh = await http.PostAsync(new Uri(portal.BaseUri, "/sandbox/xpm/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = "portal-sandbox-client",
            ["client_secret"] = "portal-sandbox-secret",
        }));
        refresh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await xpm.GetStaffMemberAsync(SandboxWellKnown.MereTautahi, CancellationToken.None)).Error.ShouldBeOfType<XpmNotConnectedError>();
    }

    [Fact]
    public async Task Disconnect_AsStaff_IsABug()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => ServiceAs(portal, PortalRoles.Staff).DisconnectAsync());
    }

    /// <summary>Connect → the sandbox's authorize (auto-consent), stopping before the callback: the attempt's state and its code.</summary>
    private static async Task<(string State, string Code)> AuthorizeAsync(HttpClient browser)
    {
        var authorize = await browser.GetAsync("/configure/integrations/xpm/connect");
        var consent = await browser.GetAsync(authorize.Headers.Location);
        var callback = consent.Headers.Location!;
        return (SandboxPortal.Query(callback, "state")!, SandboxPortal.Query(callback, "code")!);
    }

    private static string Callback(string? state, string? code)
    {
        var query = new Dictionary<string, string?>();
        if (state is not null)
        {
            query["state"] = state;
        }

        if (code is not null)
        {
            query["code"] = code;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/configure/integrations/xpm/callback", query);
    }

    private static string? Error(SandboxPortal portal, HttpResponseMessage callback)
    {
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return SandboxPortal.Query(new Uri(portal.BaseUri, callback.Headers.Location!), "error");
    }

    /// <summary>The service as a signed-in user would get it, outside a Blazor circuit.</summary>
    internal static XpmConnectionService ServiceAs(SandboxPortal portal, string role)
    {
        var services = portal.App.Services;
        return new XpmConnectionService(
            services.GetRequiredService<IDbContextFactory<Portal.Core.Data.PortalDbContext>>(),
            new FakeCurrentUser(new PortalUser($"Test {role}", $"{role.ToLowerInvariant()}@test.example", role, 1, null, null)),
            services.GetRequiredService<XeroIdentityClient>(),
            services.GetRequiredService<XpmEndpoints>(),
            services.GetRequiredService<XpmTokenProtector>(),
            services.GetRequiredService<IXpmClient>(),
            TimeProvider.System,
            NullLogger<XpmConnectionService>.Instance);
    }
}
