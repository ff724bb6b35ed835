using Bunit;
using Portal.Core.Identity;
using Portal.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Layout;
using Portal.Core.Modules;

namespace Portal.Web.Layout;

public sealed class NavMenuTests : PortalTestContext
{
    private string[] MenuItems(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public void Render_AsStaff_ShowsThePracticePages()
    {
        AddAuthorization().SetAuthorized("Sam Staff").SetRoles(PortalRoles.Staff).SetPolicies(PortalPolicies.StaffArea);

        var menu = Render<NavMenu>();

        MenuItems(menu).ShouldBe(["Clients", "Staff", "Integrations", "Outbox"]);
        menu.Markup.ShouldContain("Configure");
    }

    [Fact]
    public void Render_AsStaffWithAModuleEntry_AddsItAfterThePracticePages()
    {
        Services.AddSingleton(new PortalModule("Test module") { NavEntries = [new PortalNavEntry("Test page", "/test-page", "", PortalPolicies.StaffArea)] });
        AddAuthorization().SetAuthorized("Sam Staff").SetRoles(PortalRoles.Staff).SetPolicies(PortalPolicies.StaffArea);

        var menu = Render<NavMenu>();

        MenuItems(menu).ShouldBe(["Clients", "Staff", "Integrations", "Outbox", "Test page"]);
    }

    [Fact]
    public void Render_AsClientWithAStaffModuleEntry_HidesIt()
    {
        Services.AddSingleton(new PortalModule("Test module") { NavEntries = [new PortalNavEntry("Test page", "/test-page", "", PortalPolicies.StaffArea)] });
        AddAuthorization().SetAuthorized("Ana Whitfield").SetRoles(PortalRoles.Client).SetPolicies(PortalPolicies.ClientArea);

        var menu = Render<NavMenu>();

        MenuItems(menu).ShouldBe(["Client portal"]);
    }

    [Fact]
    public void Render_AsClient_ShowsOnlyTheClientPortal()
    {
        AddAuthorization().SetAuthorized("Ana Whitfield").SetRoles(PortalRoles.Client).SetPolicies(PortalPolicies.ClientArea);

        var menu = Render<NavMenu>();

        MenuItems(menu).ShouldBe(["Client portal"]);
    }

    [Fact]
    public void Render_Anonymous_ShowsNothing()
    {
        AddAuthorization();

        var menu = Render<NavMenu>();

        MenuItems(menu).ShouldBeEmpty();
    }
}
