using Bunit;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class ImportRunProgressTests : PortalTestContext
{
    private static ImportProgressSnapshot Import(ImportRunStatus status) => new(
        7, 1, ImportRunKind.Import, status, null, 0, null, 0, 0, 0, "Sam Staff",
        new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc), null, null, null, false, FetchRunId: 6);

    [Fact]
    public void Running_ShowsThePhaseAndProgress()
    {
        var run = Render<ImportRunProgress>(p => p.Add(c => c.Run, Import(ImportRunStatus.Running) with { Phase = "Importing clients", ItemsDone = 25, ItemsTotal = 100 }));

        run.Find("[data-testid=import-run]").TextContent.ShouldContain("Importing clients");
        run.Find("[aria-label='Import progress']").ShouldNotBeNull();
    }

    [Fact]
    public void Running_OffersCancel()
    {
        var cancels = 0;
        var run = Render<ImportRunProgress>(p => p.Add(c => c.Run, Import(ImportRunStatus.Running)).Add(c => c.OnCancel, () => cancels++));

        run.FindAll("button").Single(b => b.TextContent.Contains("Cancel")).Click();

        cancels.ShouldBe(1);
    }

    [Fact]
    public void Succeeded_SaysImportedWithALinkToClientsAndTheCounts()
    {
        var run = Render<ImportRunProgress>(p => p.Add(c => c.Run, Import(ImportRunStatus.Succeeded) with { Created = 3, Linked = 2, Updated = 1, Skipped = 4 }));

        run.Markup.ShouldContain("Imported.");
        run.Find("a[href='/clients']").TextContent.ShouldBe("View clients");
        run.Find("[data-testid=import-run-counts]").TextContent.Trim().ShouldBe("3 created · 2 linked · 1 updated · 4 unchanged or skipped");
    }

    [Fact]
    public void Failed_ShowsTheError()
    {
        var run = Render<ImportRunProgress>(p => p.Add(c => c.Run, Import(ImportRunStatus.Failed) with { Error = "Database is locked." }));

        run.Find("[data-testid=import-run]").TextContent.ShouldContain("The import did not finish: Database is locked.");
    }

    [Fact]
    public void Cancelled_SaysWhatWasKept()
    {
        var run = Render<ImportRunProgress>(p => p.Add(c => c.Run, Import(ImportRunStatus.Cancelled)));

        run.Find("[data-testid=import-run]").TextContent.ShouldContain("Cancelled. Records imported before the cancel stay");
    }
}
