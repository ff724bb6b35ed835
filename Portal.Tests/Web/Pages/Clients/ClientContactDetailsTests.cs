using Bunit;
using Portal.Core.Clients;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Clients;

namespace Portal.Web.Pages.Clients;

public sealed class ClientContactDetailsTests : PortalTestContext
{
    private static readonly ClientDetails Person = new(
        1, ClientKind.Person, "Ana Whitfield", "Ana", "Whitfield", "Individual", null, "ana@example.com", null, null,
        new Address(), new Address(), false, DateTime.UtcNow, null, [], []);

    [Fact]
    public void Render_HideEmpty_LeavesOutFieldsWithNoValue()
    {
        var details = Render<ClientContactDetails>(p => p.Add(c => c.Client, Person).Add(c => c.HideEmpty, true));

        details.FindAll("th").Select(th => th.TextContent).ShouldBe(["First name", "Last name", "Email"]);
    }

    [Fact]
    public void Render_ForStaff_ShowsEveryField()
    {
        var details = Render<ClientContactDetails>(p => p.Add(c => c.Client, Person));

        details.FindAll("th").Select(th => th.TextContent).ShouldContain("Date of birth");
    }
}
