using Bunit;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class DetailLevelChoiceTests : PortalTestContext
{
    private IRenderedComponent<DetailLevelChoice> RenderChoice(DetailLevelChanges? changes) =>
        Render<DetailLevelChoice>(p => p.Add(c => c.Value, ImportDetailLevel.Basic).Add(c => c.Changes, changes));

    [Fact]
    public void Render_WithSelectedEntities_CountsClientsAndEntitiesForEachLevel()
    {
        var choice = RenderChoice(new DetailLevelChanges(new(1, 0), new(3, 2)));

        choice.Find("[data-testid=detail-level-Basic-changes]").TextContent.Trim().ShouldBe("1 client's details will change");
        choice.Find("[data-testid=detail-level-AllContactDetails-changes]").TextContent.Trim().ShouldBe("3 clients' and 2 entities' details will change");
    }

    [Fact]
    public void Render_WhileCounting_ShowsBothChoicesWithoutCounts()
    {
        var choice = RenderChoice(null);

        choice.FindAll("[role=radio]").Select(r => r.TextContent).ShouldSatisfyAllConditions(
            radios => radios.Count().ShouldBe(2),
            radios => radios.ShouldAllBe(text => text.Contains('…')));
    }
}
