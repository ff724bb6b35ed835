using Bunit;
using Portal.Core.Clients;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Clients;

namespace Portal.Web.Pages.Clients;

public sealed class TeamListTests : PortalTestContext
{
    [Fact]
    public void Render_Empty_ShowsTheEmptyState()
    {
        var team = Render<TeamList>(p => p.Add(t => t.Team, []).Add(t => t.EmptyText, "No team yet."));

        team.Find("[data-testid=empty-state]").TextContent.ShouldContain("No team yet.");
    }

    [Fact]
    public void Render_Members_ShowsNameRoleEmailAndPhone()
    {
        TeamMemberDetails[] members = [new(1, "Mere Tautahi", TeamRole.AccountManager, "mere@practice.example", "06 555 0100")];

        var team = Render<TeamList>(p => p.Add(t => t.Team, members));

        team.Markup.ShouldContain("Mere Tautahi");
        team.Markup.ShouldContain("Account manager");
        team.Markup.ShouldContain("mere@practice.example");
        team.Markup.ShouldContain("06 555 0100");
    }
}
