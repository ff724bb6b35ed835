using Bunit;
using Portal.Core.Identity;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Connection;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Configure;

namespace Portal.Web.Pages.Configure;

public sealed class XpmConnectionCardTests : PortalTestContext
{
    private static XpmConnectionView Connection(XpmConnectionStatus status) => new(
        status, "Harbourside Accounting", "staff@practice.example", new DateTime(2026, 11, 27, 9, 0, 0),
        new DateTime(2026, 11, 27, 9, 30, 0), null, "openid practicemanager.client",
        status == XpmConnectionStatus.NeedsReconnecting ? "Xero refused to renew access." : null);

    [Fact]
    public void NotConnected_OffersToConnect()
    {
        AddAuthorization().SetAuthorized("Sam").SetRoles(PortalRoles.Staff).SetPolicies(PortalPolicies.StaffArea);
        var connects = 0;

        var card = Render<XpmConnectionCard>(p => p.Add(c => c.Connection, null).Add(c => c.OnConnect, () => connects++));
        card.FindAll("button").Single(b => b.TextContent.Contains("Connect to Xero Practice Manager")).Click();

        card.Markup.ShouldContain("Not connected");
        connects.ShouldBe(1);
    }

    [Fact]
    public void NotConfigured_SaysWhichSettingsToAddAndCannotConnect()
    {
        AddAuthorization().SetAuthorized("Sam").SetRoles(PortalRoles.Staff).SetPolicies(PortalPolicies.StaffArea);

        var card = Render<XpmConnectionCard>(p => p.Add(c => c.Connection, null).Add(c => c.IsConfigured, false));

        var notice = card.Find("[data-testid=xpm-not-configured]").TextContent;
        notice.ShouldContain("Xero Practice Manager is not configured");
        foreach (var key in new[] { "Xpm:ApiBaseUrl", "Xpm:ClientId", "Xpm:ClientSecret", "XpmSandbox:Enabled=true" })
        {
            notice.ShouldContain(key);
        }

        card.FindAll("button").Single(b => b.TextContent.Contains("Connect to Xero Practice Manager")).HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void HostProvidedXpm_SaysWhoServesIt()
    {
        AddAuthorization().SetAuthorized("Sam").SetRoles(PortalRoles.Staff).SetPolicies(PortalPolicies.StaffArea);

        var card = Render<XpmConnectionCard>(p => p.Add(c => c.Connection, null).Add(c => c.HostProvidedBy, "the built-in XPM sandbox"));

        card.Find("[data-testid=xpm-host-provided-note]").TextContent.ShouldContain("This portal uses the built-in XPM sandbox");
        card.FindAll("[data-testid=xpm-not-configured]").ShouldBeEmpty();
    }

    [Fact]
    public void Connected_AsStaff_ShowsThePracticeButNoDisconnect()
    {
        AddAuthorization().SetAuthorized("Sam").SetRoles(PortalRoles.Staff).SetPolicies(PortalPolicies.StaffArea);

        var card = Render<XpmConnectionCard>(p => p.Add(c => c.Connection, Connection(XpmConnectionStatus.Connected)));

        card.Find("[data-testid=xpm-practice]").TextContent.ShouldBe("Harbourside Accounting");
        card.Find("[data-testid=xpm-expiry]").TextContent.ShouldContain("27 Nov 2026 09:30");
        card.FindAll("button").ShouldNotContain(b => b.TextContent.Contains("Disconnect"));
    }

    [Fact]
    public void Connected_AsManager_OffersDisconnect()
    {
        AddAuthorization().SetAuthorized("Morgan").SetRoles(PortalRoles.Manager).SetPolicies(PortalPolicies.StaffArea, PortalPolicies.ManagerOnly);
        var disconnects = 0;

        var card = Render<XpmConnectionCard>(p => p.Add(c => c.Connection, Connection(XpmConnectionStatus.Connected)).Add(c => c.OnDisconnect, () => disconnects++));
        card.FindAll("button").Single(b => b.TextContent.Contains("Disconnect")).Click();

        disconnects.ShouldBe(1);
    }

    [Fact]
    public void NeedsReconnecting_ShowsTheBannerAndAReconnectButton()
    {
        AddAuthorization().SetAuthorized("Sam").SetRoles(PortalRoles.Staff).SetPolicies(PortalPolicies.StaffArea);

        var card = Render<XpmConnectionCard>(p => p.Add(c => c.Connection, Connection(XpmConnectionStatus.NeedsReconnecting)));

        card.Find("[data-testid=xpm-reconnect-banner]").TextContent.ShouldContain("Xero refused to renew access.");
        card.FindAll("button").ShouldContain(b => b.TextContent.Contains("Reconnect to Xero Practice Manager"));
    }

    [Fact]
    public void QuotaCard_ShowsWhatXpmReported()
    {
        var quota = new XpmQuotaSnapshot(4994, 59, 9999, new DateTimeOffset(2026, 11, 27, 9, 1, 2, TimeSpan.Zero), "GET staff.api/list", "200 OK");

        var card = Render<XpmQuotaCard>(p => p.Add(c => c.Quota, quota));

        card.Find("[data-testid=quota-day]").TextContent.ShouldBe(4994.ToString("N0"));
        card.Find("[data-testid=quota-minute]").TextContent.ShouldBe("59");
        card.Find("[data-testid=quota-last-call]").TextContent.ShouldContain("GET staff.api/list · 200 OK");
    }
}
