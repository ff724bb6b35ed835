using Bunit;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class ImportHistoryTableTests : PortalTestContext
{
    private static ImportHistoryRow Row(ImportRunStatus status) => new(
        9, 8, status, "Sam Staff", new DateTime(2026, 11, 27, 9, 10, 0, DateTimeKind.Utc), null,
        25, 3, 1, ImportDetailLevel.Basic, 4, 0, 0, 0, null);

    [Fact]
    public void Render_AFinishedImport_LinksToItsReviewAndItsOutcomeFile()
    {
        var table = Render<ImportHistoryTable>(p => p.Add(t => t.History, [Row(ImportRunStatus.Succeeded)]));

        var links = table.FindAll("a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        links.ShouldContain(("View import", "/configure/integrations/xpm/review/8"));
        links.ShouldContain(("Outcome file (CSV)", "/configure/integrations/xpm/imports/9/outcomes.csv"));
        table.Markup.ShouldContain("25 staff, 3 clients and 1 entity (basic details: name and email)");
    }

    [Fact]
    public void Render_ARunningImport_LinksToItsReviewButNotYetToAnOutcomeFile()
    {
        var table = Render<ImportHistoryTable>(p => p.Add(t => t.History, [Row(ImportRunStatus.Running)]));

        table.FindAll("a").Select(a => a.TextContent.Trim()).ShouldBe(["View import"]);
    }
}
