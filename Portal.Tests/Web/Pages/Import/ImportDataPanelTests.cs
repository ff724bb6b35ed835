using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Import.Runs;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class ImportDataPanelTests : PortalTestContext
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 10, 0, DateTimeKind.Utc);
    private int _imports;
    private int _cancels;

    public ImportDataPanelTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now)));
    }

    private static ImportProgressSnapshot Fetch(ImportRunStatus status) => new(
        42, 1, ImportRunKind.Fetch, status, null, 0, null, 0, 0, 0, "Sam Staff",
        Now.AddMinutes(-5), Now.AddMinutes(-5), null, null, false);

    private IRenderedComponent<ImportDataPanel> RenderPanel(ImportProgressSnapshot? fetch) =>
        Render<ImportDataPanel>(p => p
            .Add(c => c.Fetch, fetch)
            .Add(c => c.OnImportData, () => _imports++)
            .Add(c => c.OnCancel, () => _cancels++));

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ImportDataPanel> panel, string text) =>
        panel.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public void NoFetch_SaysNothingHasBeenReadAndOffersImportData()
    {
        var panel = RenderPanel(null);

        Button(panel, "Import Data").Click();

        panel.Markup.ShouldContain("No data has been read from Xero Practice Manager yet.");
        _imports.ShouldBe(1);
    }

    [Fact]
    public void Active_ShowsThePhaseCountsAndTimeLeft()
    {
        var running = Fetch(ImportRunStatus.Running) with { Phase = "Reading clients", ItemsDone = 300, ItemsTotal = 600, StaffCount = 12, StartedAt = Now.AddMinutes(-2) };

        var panel = RenderPanel(running);

        panel.Find("[data-testid=import-progress]").TextContent.ShouldContain("Reading clients");
        var counts = panel.Find("[data-testid=import-counts]").TextContent;
        counts.ShouldContain("300 clients and entities read · 12 staff");
        counts.ShouldContain("50 %");
        counts.ShouldContain("about 2 min left");
        Button(panel, "Import Data").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void Active_Cancel_RaisesOnCancel()
    {
        var panel = RenderPanel(Fetch(ImportRunStatus.Queued) with { Phase = "Waiting to start" });

        Button(panel, "Cancel").Click();

        _cancels.ShouldBe(1);
    }

    [Fact]
    public void ActiveWithCancelRequested_ShowsCancellingDisabled()
    {
        var panel = RenderPanel(Fetch(ImportRunStatus.Running) with { CancelRequested = true });

        Button(panel, "Cancelling…").HasAttribute("disabled").ShouldBeTrue();
        panel.Find("[data-testid=import-progress]").TextContent.ShouldContain("Working…");
    }

    [Fact]
    public void Succeeded_ShowsTheReviewBoxLinkingToTheRunsReview()
    {
        var done = Fetch(ImportRunStatus.Succeeded) with { FinishedAt = Now, StaffCount = 12, ClientCount = 340, EntityCount = 56 };

        var panel = RenderPanel(done);

        var box = panel.Find("[data-testid=review-box]");
        box.TextContent.ShouldContain("Review and import data");
        box.TextContent.ShouldContain("12 staff, 340 clients and 56 entities");
        box.TextContent.ShouldContain("by Sam Staff");
        box.QuerySelector("a")!.GetAttribute("href").ShouldBe("/configure/integrations/xpm/review/42");
        Button(panel, "Import Data").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public void Succeeded_AlreadyImported_OffersTheImportNotAnotherReview()
    {
        var done = Fetch(ImportRunStatus.Succeeded) with { FinishedAt = Now, StaffCount = 12, ClientCount = 340, EntityCount = 56 };
        var imported = new ImportHistoryRow(43, 42, ImportRunStatus.Succeeded, "Mia Manager", Now, Now.AddMinutes(1), 12, 340, 56,
            Portal.Core.Import.Plan.ImportDetailLevel.Basic, 400, 0, 0, 8, null);

        var panel = Render<ImportDataPanel>(p => p.Add(c => c.Fetch, done).Add(c => c.Imported, imported));

        panel.FindAll("[data-testid=review-box]").ShouldBeEmpty();
        var box = panel.Find("[data-testid=imported-box]");
        box.TextContent.ShouldContain("was imported on 27 Nov 2026 09:11 UTC by Mia Manager");
        box.QuerySelector("a")!.GetAttribute("href").ShouldBe("/configure/integrations/xpm/review/42");
    }

    [Fact]
    public void Succeeded_WithArchivedAndDeletedClients_SaysWhatIsOfferedAndWhatWasLeftOut()
    {
        var done = Fetch(ImportRunStatus.Succeeded) with
        {
            FinishedAt = Now, StaffCount = 25, ClientCount = 92, EntityCount = 43, ArchivedLeftOut = 3, DeletedLeftOut = 2,
        };

        var panel = RenderPanel(done);

        panel.Find("[data-testid=fetch-summary]").TextContent.ShouldContain(
            "25 staff, 92 clients and 43 entities to review. 3 clients archived and 2 deleted in Xero Practice Manager were left out.");
    }

    [Fact]
    public void Failed_ShowsTheError()
    {
        var failed = Fetch(ImportRunStatus.Failed) with { FinishedAt = Now, Error = "XPM returned 500 Internal Server Error." };

        var panel = RenderPanel(failed);

        panel.Find("[data-testid=import-failed]").TextContent.ShouldContain("XPM returned 500 Internal Server Error.");
        panel.FindAll("[data-testid=review-box]").ShouldBeEmpty();
    }

    [Fact]
    public void Cancelled_SaysSo()
    {
        var panel = RenderPanel(Fetch(ImportRunStatus.Cancelled) with { FinishedAt = Now });

        panel.Find("[data-testid=import-cancelled]").TextContent.ShouldContain("was cancelled");
    }
}
