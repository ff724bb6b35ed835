using System.Security.Claims;
using Bunit;
using Portal.Core.Identity;
using Portal.Infrastructure;
using Portal.Web.Components.Layout;

namespace Portal.Web.Layout;

public sealed class UserMenuTests : PortalTestContext
{
    [Fact]
    public void Render_SignedIn_ShowsNameRoleAndASignOutForm()
    {
        AddAuthorization().SetAuthorized("Morgan Manager").SetRoles(PortalRoles.Manager)
            .SetClaims(new Claim(PortalClaimTypes.PracticeId, "1"));

        var menu = Render<UserMenu>();

        menu.Find("[data-testid=signed-in-user]").TextContent.ShouldContain("Morgan Manager");
        menu.Find("[data-testid=signed-in-user]").TextContent.ShouldContain("Manager");
        menu.Find("form").GetAttribute("action").ShouldBe("/account/signout");
    }
}
