using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Import;
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
    public async Task DetailToggle_OnTheClientsStep_SavesTheLevelAndShowsTheContactColumns()
    {
        await SeedAsync(Person("Ana Whitfield"));
        await SetReviewStepAsync(ImportStep.Clients);
        await WithDbAsync(db => db.Set<ImportRun>().Where(r => r.Id == RunId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DetailLevel, ImportDetailLevel.Basic)));
        var page = RenderPage();
        page.WaitForAssertion(() => page.Markup.ShouldContain("Ana Whitfield"));
        page.FindAll("thead th").ShouldNotContain(th => th.TextContent.Trim() == "Telephone");

        page.Find("input[role=switch]").Change(true);

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
}
