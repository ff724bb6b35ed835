using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class ImportReviewPageTests : ImportReviewTestContext
{
    private bool _popoverProvider;

    /// <summary>Renders the page as a new tab would; the popover provider (one per context) only the first time.</summary>
    private IRenderedComponent<ImportReviewPage> RenderPage(int? runId = null)
    {
        if (!_popoverProvider)
        {
            Render<MudBlazor.MudPopoverProvider>();
            _popoverProvider = true;
        }

        return Render<ImportReviewPage>(p => p.Add(s => s.RunId, runId ?? RunId));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ImportReviewPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private Task<ImportRun> RunAsync() => WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Id == RunId));

    [Fact]
    public async Task Render_AtTheSavedEntitiesStep_ShowsTheEntitiesStep()
    {
        await SeedAsync(Staff("Sam Staff", selected: true), Person("Ana Whitfield", selected: true), Entity("Whitfield Family Trust", "Trust"));
        await SetReviewStepAsync(ImportStep.Entities);

        var page = RenderPage();

        page.WaitForAssertion(() => page.Markup.ShouldContain("Whitfield Family Trust"));
        page.FindAll("[data-testid=entities-step]").ShouldHaveSingleItem();
        page.FindAll("[data-testid=staff-step]").ShouldBeEmpty();
        page.FindAll("[data-testid=clients-step]").ShouldBeEmpty();
        page.Find("[role=tab][aria-selected=true]").TextContent.ShouldContain("Entities");
    }

    [Fact]
    public async Task SaveAndContinue_ThenAnotherTab_OpensAtTheNextStep()
    {
        await SeedAsync(Staff("Sam Staff"), Person("Ana Whitfield"));
        var first = RenderPage();
        first.WaitForElement("[data-testid=staff-step]");

        Button(first, "Save and continue").Click();
        first.WaitForElement("[data-testid=clients-step]");
        var second = RenderPage();

        second.WaitForAssertion(() => second.FindAll("[data-testid=clients-step]").ShouldHaveSingleItem());
        second.FindAll("[data-testid=staff-step]").ShouldBeEmpty();
        (await RunAsync()).ReviewStep.ShouldBe((int)ImportStep.Clients);
    }

    [Fact]
    public async Task Back_FromTheClientsStep_SavesAndShowsTheStaffStep()
    {
        await SeedAsync(Staff("Sam Staff"), Person("Ana Whitfield"));
        await SetReviewStepAsync(ImportStep.Clients);
        var page = RenderPage();
        page.WaitForElement("[data-testid=clients-step]");

        Button(page, "Back").Click();

        page.WaitForElement("[data-testid=staff-step]");
        (await RunAsync()).ReviewStep.ShouldBe((int)ImportStep.Staff);
    }

    [Fact]
    public async Task StepHeader_AheadOfTheSavedStep_DoesNotSkipTheReview()
    {
        await SeedAsync(Staff("Sam Staff"), Person("Ana Whitfield"));
        var page = RenderPage();
        page.WaitForElement("[data-testid=staff-step]");

        page.FindAll("[role=tab]").Single(t => t.TextContent.Contains("Confirm")).Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=staff-step]").ShouldHaveSingleItem());
        page.FindAll("[data-testid=import-preview]").ShouldBeEmpty();
        (await RunAsync()).ReviewStep.ShouldBe((int)ImportStep.Staff);
    }

    [Fact]
    public async Task StepHeader_BeforeTheSavedStep_GoesBackAndSavesIt()
    {
        await SeedAsync(Staff("Sam Staff"), Person("Ana Whitfield"), Entity("Whitfield Family Trust", "Trust"));
        await SetReviewStepAsync(ImportStep.Entities);
        var page = RenderPage();
        page.WaitForElement("[data-testid=entities-step]");

        page.FindAll("[role=tab]").Single(t => t.TextContent.Contains("Staff")).Click();

        page.WaitForElement("[data-testid=staff-step]");
        (await RunAsync()).ReviewStep.ShouldBe((int)ImportStep.Staff);
    }

    [Fact]
    public async Task TickingStaff_UpdatesTheStepCount()
    {
        await SeedAsync(Staff("Sam Staff"), Staff("Jo Bloggs"));
        var page = RenderPage();
        page.WaitForAssertion(() => page.Markup.ShouldContain("Jo Bloggs"));
        page.Find("[role=tab][aria-selected=true]").TextContent.ShouldContain("0 of 2");

        CheckBox(page, "Jo Bloggs").Change(true);

        page.WaitForAssertion(() => page.Find("[role=tab][aria-selected=true]").TextContent.ShouldContain("1 of 2"));
    }

    [Fact]
    public async Task DetailLevel_ChosenOnTheClientsStep_IsSavedAndShowsTheContactColumns()
    {
        await SeedAsync(Person("Ana Whitfield"));
        await SetReviewStepAsync(ImportStep.Clients);
        await WithDbAsync(db => db.Set<ImportRun>().Where(r => r.Id == RunId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DetailLevel, ImportDetailLevel.Basic)));
        var page = RenderPage();
        page.WaitForAssertion(() => page.Markup.ShouldContain("Ana Whitfield"));
        page.FindAll("thead th").ShouldNotContain(th => th.TextContent.Trim() == "Telephone");

        page.Find("[data-testid=detail-level-AllContactDetails]").Click();

        page.WaitForAssertion(() =>
        {
            page.FindAll("thead th").ShouldContain(th => th.TextContent.Trim() == "Telephone");
            page.FindAll("thead th").ShouldContain(th => th.TextContent.Trim() == "Address");
        });
        (await RunAsync()).DetailLevel.ShouldBe(ImportDetailLevel.AllContactDetails);
    }

    [Fact]
    public async Task Render_AtTheConfirmStep_ShowsThePreview()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true));
        await SetReviewStepAsync(ImportStep.Confirm);

        var page = RenderPage();

        page.WaitForElement("[data-testid=import-preview]");
        page.Markup.ShouldContain("Confirm and import data");
    }

    [Fact]
    public void Render_ARunThatIsNotThisPracticesFetch_ShowsAnError()
    {
        var page = RenderPage(RunId + 100);

        page.WaitForAssertion(() => page.Markup.ShouldContain($"Import run {RunId + 100} was not found."));
        page.FindAll("[data-testid=import-stepper]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_AFetchStillRunning_SaysItIsNotReady()
    {
        await WithDbAsync(db => db.Set<ImportRun>().Where(r => r.Id == RunId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportRunStatus.Running)));

        var page = RenderPage();

        page.WaitForAssertion(() => page.Markup.ShouldContain("This data is not ready to review yet."));
        page.FindAll("[data-testid=import-stepper]").ShouldBeEmpty();
    }

    private Task<int> AddImportAsync(ImportRunStatus status, string? error = null) => WithDbAsync(async db =>
    {
        var run = new ImportRun
        {
            PracticeId = Database.PracticeId,
            Kind = ImportRunKind.Import,
            Status = status,
            StartedBy = "Sam Staff",
            FetchRunId = RunId,
            CreatedAt = new DateTime(2026, 11, 27, 9, 10, 0, DateTimeKind.Utc),
            FinishedAt = status is ImportRunStatus.Succeeded or ImportRunStatus.Failed ? new DateTime(2026, 11, 27, 9, 12, 0, DateTimeKind.Utc) : null,
            Phase = status == ImportRunStatus.Queued ? "Waiting to start" : null,
            SelectedClients = 1,
            Created = status == ImportRunStatus.Succeeded ? 1 : 0,
            Error = error,
        };
        db.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    });

    [Fact]
    public async Task Render_AFetchWhoseImportSucceeded_ShowsTheOutcomeAndNeverTheConfirmButton()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true));
        await SetReviewStepAsync(ImportStep.Confirm);
        await AddImportAsync(ImportRunStatus.Succeeded);

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-testid=import-run]").TextContent.ShouldContain("Imported"));
        page.Find("[data-testid=import-run-counts]").TextContent.ShouldContain("1 created");
        page.FindAll("a").ShouldContain(a => a.TextContent.Trim() == "View clients" && a.GetAttribute("href") == "/clients");
        page.FindAll("button").ShouldNotContain(b => b.TextContent.Trim() == "Confirm and import data");
    }

    [Fact]
    public async Task Render_AFetchWhoseImportFailed_ShowsTheFailureAndOffersToTryAgain()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true));
        await SetReviewStepAsync(ImportStep.Confirm);
        await AddImportAsync(ImportRunStatus.Failed, "Database is locked.");

        var page = RenderPage();

        page.WaitForAssertion(() => page.Find("[data-testid=import-run]").TextContent.ShouldContain("Database is locked"));
        Button(page, "Confirm and import data").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Render_WhileItsImportIsQueued_IsReadOnly()
    {
        await SeedAsync(Staff("Sam Staff", selected: true), Person("Ana Whitfield", selected: true));
        await SetReviewStepAsync(ImportStep.Confirm);
        await AddImportAsync(ImportRunStatus.Queued);
        var page = RenderPage();
        page.WaitForAssertion(() => page.Find("[data-testid=import-run]").TextContent.ShouldContain("Waiting to start"));

        page.FindAll("[role=tab]").Single(t => t.TextContent.Contains("Staff")).Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=staff-step]").ShouldBeEmpty());
        (await RunAsync()).ReviewStep.ShouldBe((int)ImportStep.Confirm);
        page.FindAll("button").ShouldNotContain(b => b.TextContent.Trim() == "Confirm and import data" && !b.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_AFetchOlderThanTheNewest_SaysWhyAndLinksToTheNewest()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true));
        var newest = await WithDbAsync(async db =>
        {
            var run = new ImportRun
            {
                PracticeId = Database.PracticeId,
                Kind = ImportRunKind.Fetch,
                Status = ImportRunStatus.Succeeded,
                StartedBy = "Sam Staff",
                CreatedAt = new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc),
                FinishedAt = new DateTime(2026, 11, 28, 9, 5, 0, DateTimeKind.Utc),
            };
            db.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

        var page = RenderPage();

        page.WaitForAssertion(() => page.Markup.ShouldContain("Newer data has been read from Xero Practice Manager"));
        page.FindAll("a").ShouldContain(a => a.GetAttribute("href") == $"/configure/integrations/xpm/review/{newest}");
        page.FindAll("[data-testid=import-stepper]").ShouldBeEmpty();
    }
}
