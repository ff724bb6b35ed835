using System.Security.Claims;
using Portal.Core.Identity;

namespace Portal.Web.Identity;

public sealed class PortalPrincipalTests
{
    [Fact]
    public void Read_CreatedPrincipal_RoundTripsTheUser()
    {
        var user = new PortalUser("Ana Whitfield", "ana@example.com", PortalRoles.Client, 3, null, 42);

        var read = PortalPrincipal.Read(PortalPrincipal.Create(user, "Demo"));

        read.ShouldBe(user);
    }

    [Fact]
    public void Read_PrincipalWithoutPortalRole_IsNull()
    {
        var identity = new ClaimsIdentity([new Claim(PortalClaimTypes.PracticeId, "1"), new Claim(ClaimTypes.Name, "x")], "Demo");

        PortalPrincipal.Read(new ClaimsPrincipal(identity)).ShouldBeNull();
    }

    [Theory]
    [InlineData(new[] { "Client", "Staff" }, "Staff")]
    [InlineData(new[] { "manager", "Staff" }, "Manager")]
    [InlineData(new[] { "Client" }, "Client")]
    [InlineData(new[] { "Reader" }, null)]
    public void PickRole_EntraAppRoles_TakesTheHighestPortalRole(string[] roles, string? expected)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(roles.Select(r => new Claim("roles", r)), "oidc"));

        EntraIdSignIn.PickRole(principal).ShouldBe(expected);
    }
}
