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

    [Fact]
    public void Render_ForAManager_OffersUndoOfARecentImportAndRaisesOnUndo()
    {
        int? undone = null;
        var table = Render<ImportHistoryTable>(p => p.Add(t => t.History, [Row(ImportRunStatus.Succeeded)])
            .Add(t => t.CanUndo, true).Add(t => t.Now, new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc))
            .Add(t => t.OnUndo, (int runId) => undone = runId));

        table.Find("button[aria-label='Undo import 9']").Click();

        undone.ShouldBe(9);
    }

    [Fact]
    public void Render_AnImportOlderThan30Days_OffersNoUndo()
    {
        var table = Render<ImportHistoryTable>(p => p.Add(t => t.History, [Row(ImportRunStatus.Succeeded)])
            .Add(t => t.CanUndo, true).Add(t => t.Now, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

        table.FindAll("button[aria-label='Undo import 9']").ShouldBeEmpty();
    }

    [Fact]
    public void Render_AnUndoneImport_SaysWhatTheUndoDidAndLinksItsOutcomeFile()
    {
        var row = Row(ImportRunStatus.Succeeded) with { Undo = new ImportHistoryRow.UndoState(12, ImportRunStatus.Succeeded, 3, 1, 0, 1) };

        var table = Render<ImportHistoryTable>(p => p.Add(t => t.History, [row]).Add(t => t.CanUndo, true).Add(t => t.Now, row.CreatedAt));

        table.Find("[data-testid=undo-state]").TextContent.ShouldContain("Undone: 3 removed, 1 put back, 0 archived, 1 kept");
        table.FindAll("a").Select(a => a.GetAttribute("href")).ShouldContain("/configure/integrations/xpm/imports/12/outcomes.csv");
        table.FindAll("a").Select(a => a.GetAttribute("href")).ShouldContain("/configure/integrations/xpm/imports/9/changes.csv");
        table.FindAll("button[aria-label='Undo import 9']").ShouldBeEmpty();
    }
}
