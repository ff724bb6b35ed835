using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Connection;
using Portal.Infrastructure;
using Portal.XpmSandbox;

namespace Portal.Xpm.Connection;

/// <summary>Token refresh against the sandbox's rotating refresh tokens.</summary>
public sealed class XpmTokenSourceTests
{
    private static Task ExpireAccessTokenAsync(SandboxPortal portal) =>
        portal.App.WithDbAsync(db => db.Set<XpmConnection>()
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AccessTokenExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

    [Fact]
    public async Task TwoConcurrentCalls_WithAnExpiredToken_RefreshExactlyOnce()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        var before = (await portal.ConnectionAsync())!.ProtectedRefreshToken;
        await ExpireAccessTokenAsync(portal);
        var xpm = portal.App.Services.GetRequiredService<IXpmClient>();

        var client = xpm.GetClientAsync(SandboxWellKnown.AnaWhitfield, CancellationToken.None);
        var staff = xpm.GetStaffMemberAsync(SandboxWellKnown.MereTautahi, CancellationToken.None);
        await Task.WhenAll(client, staff);

        (await client).Value!.Name.ShouldBe("Ana Whitfield");
        (await staff).Succeeded.ShouldBeTrue();
        portal.TokenCalls.Refreshes.ShouldBe(1);
        var after = (await portal.ConnectionAsync())!;
        after.ProtectedRefreshToken.ShouldNotBe(before);
        after.AccessTokenExpiresAt.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(25));
        after.LastRefreshedAt.ShouldNotBeNull();
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task TwoNodesRefreshingAtOnce_OnOneDatabase_RefreshOnceAndBothUseTheResult()
    {
        // The second node is a second token source on the same database: its process lock is its own, so only the
        // connection row's lock keeps the two from both spending the rotating refresh token.
        _ = PostgresTestServer.RequiredConnectionString;
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        await ExpireAccessTokenAsync(portal);
        var nodeA = portal.App.Services.GetRequiredService<IXpmTokenSource>();
        var nodeB = ActivatorUtilities.CreateInstance<XpmTokenSource>(portal.App.Services);

        var tokens = await Task.WhenAll(
            Task.Run(() => nodeA.GetAccessTokenAsync(CancellationToken.None)),
            Task.Run(() => nodeB.GetAccessTokenAsync(CancellationToken.None)));

        portal.TokenCalls.Refreshes.ShouldBe(1);
        tokens.ShouldAllBe(t => t.Succeeded);
        tokens[1].Value!.AccessToken.ShouldBe(tokens[0].Value!.AccessToken);
        (await portal.ConnectionAsync())!.Status.ShouldBe(XpmConnectionStatus.Connected);
    }

    [Fact]
    public async Task Call_WhenXeroRefusesTheRefreshToken_MarksTheConnectionNeedsReconnecting()
    {
        await using var portal = await SandboxPortal.StartAsync();
        await portal.ConnectAsync();
        var protector = portal.App.Services.GetRequiredService<XpmTokenProtector>();
        var refreshToken = protector.Unprotect((await portal.ConnectionAsync())!.ProtectedRefreshToken);
        portal.App.Services.GetRequiredService<SandboxIdentity>().Revoke(refreshToken, "portal-sandbox-client");
        await ExpireAccessTokenAsync(portal);
        var xpm = portal.App.Services.GetRequiredService<IXpmClient>();

        var result = await xpm.GetClientAsync(SandboxWellKnown.AnaWhitfield, CancellationToken.None);

        result.Error.ShouldBeOfType<XpmNeedsReconnectingError>();
        var connection = (await portal.ConnectionAsync())!;
        connection.Status.ShouldBe(XpmConnectionStatus.NeedsReconnecting);
        connection.StatusReason.ShouldNotBeNullOrEmpty();
        (await xpm.GetClientAsync(SandboxWellKnown.AnaWhitfield, CancellationToken.None)).Error.ShouldBeOfType<XpmNeedsReconnectingError>();
        portal.TokenCalls.Refreshes.ShouldBe(1);
    }

    [Fact]
    public async Task Call_WhenXpmSaysTheTokenExpired_RefreshesOnceAndRetries()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = await SandboxPortal.StartAsync(time: time);
        await portal.ConnectAsync();
        time.Advance(TimeSpan.FromMinutes(31));
        // The portal still believes its token is good; XPM says it has expired.
        await portal.App.WithDbAsync(db => db.Set<XpmConnection>()
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AccessTokenExpiresAt, time.GetUtcNow().UtcDateTime.AddMinutes(30))));
        var xpm = portal.App.Services.GetRequiredService<IXpmClient>();

        var result = await xpm.GetClientAsync(SandboxWellKnown.AnaWhitfield, CancellationToken.None);

        result.Error.ShouldBeNull();
        result.Value!.Email.ShouldBe("ana@kowhairidge.example");
        portal.TokenCalls.Refreshes.ShouldBe(1);
    }
}
