using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Identity;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Connection;

namespace Portal.Xpm.Connection;

/// <summary>Reconnecting, changing practice, lost Data Protection keys and the single-use code exchange, over the sandbox.</summary>
public sealed class XpmReconnectTests
{
    [Fact]
    public async Task Connect_AsStaffWhileConnected_IsRefusedAndKeepsTheGrant()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        var before = (await portal.ConnectionAsync())!.ProtectedRefreshToken;
        using var browser = portal.Browser("Staff");

        var response = await browser.GetAsync("/configure/integrations/xpm/connect");

        var landed = new Uri(portal.BaseUri, response.Headers.Location!);
        landed.AbsolutePath.ShouldBe("/configure/integrations/xpm");
        SandboxPortal.Query(landed, "error")!.ShouldContain("Only a manager can reconnect");
        var connection = (await portal.ConnectionAsync())!;
        (connection.Status, connection.ProtectedRefreshToken).ShouldBe((XpmConnectionStatus.Connected, before));
        portal.TokenCalls.Revocations.ShouldBe(0);
    }

    [Fact]
    public async Task Connect_AsManagerWhileConnected_RevokesTheOldGrantBeforeReplacingIt()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        var oldRefreshToken = RefreshTokenOf((await portal.ConnectionAsync())!, portal);

        var landed = await portal.ConnectAsync("Manager");

        SandboxPortal.Query(landed, "connected").ShouldBe("true");
        portal.TokenCalls.Revocations.ShouldBe(1);
        (await RefreshWithAsync(portal, oldRefreshToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var connection = (await portal.ConnectionAsync())!;
        (connection.Status, connection.ConnectedBy).ShouldBe((XpmConnectionStatus.Connected, "manager@test.example"));
        (await portal.App.Services.GetRequiredService<IXpmClient>().GetStaffMemberAsync(SandboxWellKnown.MereTautahi, CancellationToken.None))
            .Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Reconnect_AsStaffToAnotherPractice_IsRefusedAndTheNewGrantRevoked()
    {
        await using var portal = await SandboxPortal.StartAsync(secondPractice: true);
        var first = await portal.ConnectAsync("Manager");
        var staff = XpmConnectionTests.ServiceAs(portal, PortalRoles.Staff);
        var firstState = SandboxPortal.Query(first, "state");
        var primary = (await staff.GetPracticeChoiceAsync(firstState)).Value!.Single(p => p.TenantName == "Harbourside Accounting");
        (await XpmConnectionTests.ServiceAs(portal, PortalRoles.Manager).ChoosePracticeAsync(firstState, primary.TenantId)).Succeeded.ShouldBeTrue();
        await portal.App.WithDbAsync(db => db.Set<XpmConnection>().ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, XpmConnectionStatus.NeedsReconnecting)));

        var second = await portal.ConnectAsync("Staff");
        var state = SandboxPortal.Query(second, "state");
        var other = (await staff.GetPracticeChoiceAsync(state)).Value!.Single(p => p.TenantName!.EndsWith("Tauranga"));
        var chosen = await staff.ChoosePracticeAsync(state, other.TenantId);

        chosen.Error.ShouldBeOfType<XpmChangePracticeNeedsManagerError>().Message.ShouldContain("Only a manager can change the practice");
        var connection = (await portal.ConnectionAsync())!;
        (connection.TenantId, connection.Status).ShouldBe((primary.TenantId, XpmConnectionStatus.NeedsReconnecting));
        portal.TokenCalls.Revocations.ShouldBe(1);
    }

    [Fact]
    public async Task Connection_TokensUnreadableAfterKeysLost_NeedsReconnectingAndDisconnectSkipsRevocation()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        // What a redeploy without the key ring leaves: tokens protected by keys this portal no longer has.
        var lostKeys = new EphemeralDataProtectionProvider().CreateProtector("Portal.Xpm.Tokens.v1");
        await portal.App.WithDbAsync(db => db.Set<XpmConnection>().ExecuteUpdateAsync(s => s
            .SetProperty(c => c.ProtectedAccessToken, lostKeys.Protect("access"))
            .SetProperty(c => c.ProtectedRefreshToken, lostKeys.Protect("refresh"))));

        var view = await XpmConnectionTests.ServiceAs(portal, PortalRoles.Staff).GetAsync();
        var call = await portal.App.Services.GetRequiredService<IXpmClient>().GetStaffMemberAsync(SandboxWellKnown.MereTautahi, CancellationToken.None);
        var disconnected = await XpmConnectionTests.ServiceAs(portal, PortalRoles.Manager).DisconnectAsync();

        view!.Status.ShouldBe(XpmConnectionStatus.NeedsReconnecting);
        view.StatusReason.ShouldBe(XpmTokenProtector.UnreadableReason);
        call.Error.ShouldBeOfType<XpmNeedsReconnectingError>();
        disconnected.Value!.Revoked.ShouldBeFalse();
        disconnected.Value.RevocationSkipped!.ShouldContain("can no longer be read");
        (await portal.ConnectionAsync()).ShouldBeNull();
        portal.TokenCalls.Revocations.ShouldBe(0);
    }

    [Fact]
    public async Task Connect_TokenEndpointFailsTheCodeExchange_SendsItOnceAndSaysSo()
    {
        await using var portal = await SandboxPortal.StartAsync();
        portal.TokenCalls.FailNext("authorization_code");

        var landed = await portal.ConnectAsync();

        portal.TokenCalls.CodeExchanges.ShouldBe(1);
        SandboxPortal.Query(landed, "error")!.ShouldContain("503");
        (await portal.ConnectionAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Refresh_TokenEndpointFailsOnce_IsRetriedAndKeepsTheConnection()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        await portal.App.WithDbAsync(db => db.Set<XpmConnection>().ExecuteUpdateAsync(s => s.SetProperty(c => c.AccessTokenExpiresAt, DateTime.UtcNow)));
        portal.TokenCalls.FailNext("refresh_token");

        var token = await portal.App.Services.GetRequiredService<IXpmTokenSource>().GetAccessTokenAsync(CancellationToken.None);

        token.Succeeded.ShouldBeTrue();
        portal.TokenCalls.Refreshes.ShouldBe(2);
    }

    private static string RefreshTokenOf(XpmConnection connection, SandboxPortal portal) =>
        portal.App.Services.GetRequiredService<XpmTokenProtector>().Unprotect(connection.ProtectedRefreshToken);

    private static async Task<HttpResponseMessage> RefreshWithAsync(SandboxPortal portal, string refreshToken)
    {
        using var http = new HttpClient();
        return await http.PostAsync(new Uri(portal.BaseUri, "/sandbox/xpm/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
            ["client_id"] = "portal-sandbox-client", ["client_secret"] = "portal-sandbox-secret",
        }));
    }
}
