using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class ConfirmStepTests : ImportReviewTestContext
{
    private int _back;

    private async Task<IRenderedComponent<ConfirmStep>> RenderStepAsync()
    {
        var review = (await Services.GetRequiredService<ImportReviewService>().GetAsync(RunId)).Value!;
        Render<MudBlazor.MudPopoverProvider>();
        var step = Render<ConfirmStep>(p => p.Add(s => s.RunId, RunId).Add(s => s.Review, review).Add(s => s.OnBack, () => _back++));
        step.WaitForElement("[data-testid=import-preview]");
        return step;
    }

    /// <summary>Create, Link, Update, Unchanged and Needs review, as the preview row for <paramref name="label"/> shows them.</summary>
    private static int[] Counts(IRenderedComponent<ConfirmStep> step, string label) =>
        step.FindAll("[data-testid=import-preview] tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == label)
            .QuerySelectorAll("td").Select(td => int.Parse(td.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static AngleSharp.Dom.IElement ConfirmButton(IRenderedComponent<ConfirmStep> step) =>
        step.FindAll("button").Single(b => b.TextContent.Trim() == "Confirm and import data");

    private static Client PortalCopyOf(StagedClient staged) => new()
    {
        Kind = staged.Kind,
        Name = staged.Name,
        FirstName = staged.FirstName,
        LastName = staged.LastName,
        Email = staged.Email,
        Phone = staged.Phone,
        PhysicalAddress = staged.PhysicalAddress,
        CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        XpmLink = new XpmLink { XpmUuid = staged.XpmUuid, LinkedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
    };

    [Fact]
    public async Task Preview_SelectedPersonWithNoPortalMatch_PlansOneClientCreate()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true), Person("Ben Ng"));

        var step = await RenderStepAsync();

        Counts(step, "Clients").ShouldBe(new[] { 1, 0, 0, 0, 0 });
        Counts(step, "Staff").ShouldBe(new[] { 0, 0, 0, 0, 0 });
        Counts(step, "Entities").ShouldBe(new[] { 0, 0, 0, 0, 0 });
    }

    [Fact]
    public async Task Preview_SelectedPersonAlreadyLinkedWithTheSameValues_PlansUnchanged()
    {
        var ana = Person("Ana Whitfield", selected: true);
        ana.MatchKind = ClientMatchKind.Linked;
        ana.MatchReason = "Already linked to this XPM client";
        await SeedAsync(ana, PortalCopyOf(ana));

        var step = await RenderStepAsync();

        Counts(step, "Clients").ShouldBe(new[] { 0, 0, 0, 1, 0 });
        step.Markup.ShouldContain("What will change (0 records with field changes)");
    }

    [Fact]
    public async Task Preview_LinkedPersonWithANewPhone_PlansAnUpdate()
    {
        var ana = Person("Ana Whitfield", selected: true);
        var portal = PortalCopyOf(ana);
        portal.Phone = "09 555 0000";
        await SeedAsync(ana, portal);

        var step = await RenderStepAsync();

        Counts(step, "Clients").ShouldBe(new[] { 0, 0, 1, 0, 0 });
        step.Markup.ShouldContain("What will change (1 records with field changes)");
    }

    [Fact]
    public async Task Preview_StaffAndEntities_AreCountedInTheirOwnRows()
    {
        await SeedAsync(Staff("Sam Staff", selected: true), Staff("Jo Bloggs"), Entity("Whitfield Trust", "Trust", selected: true));

        var step = await RenderStepAsync();

        Counts(step, "Staff").ShouldBe(new[] { 1, 0, 0, 0, 0 });
        Counts(step, "Entities").ShouldBe(new[] { 1, 0, 0, 0, 0 });
        Counts(step, "Clients").ShouldBe(new[] { 0, 0, 0, 0, 0 });
    }

    [Fact]
    public async Task Render_SummarisesTheSelectionAndDetailLevel()
    {
        await SeedAsync(Staff("Sam Staff", selected: true), Person("Ana Whitfield", selected: true), Person("Ben Ng", selected: true), Person("Cleo Park"));

        var step = await RenderStepAsync();

        step.Markup.ShouldContain("You selected 1 staff, 2 clients and 0 entities");
        step.Markup.ShouldContain("all contact details");
    }

    [Fact]
    public async Task Confirm_QueuesAnImportRunForTheFetch()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true));
        var step = await RenderStepAsync();

        ConfirmButton(step).Click();

        step.WaitForElement("[data-testid=import-run]");
        var import = await WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Kind == ImportRunKind.Import));
        import.FetchRunId.ShouldBe(RunId);
        import.PracticeId.ShouldBe(Database.PracticeId);
        import.Status.ShouldBe(ImportRunStatus.Queued);
        step.Find("[data-testid=import-run]").TextContent.ShouldContain("Waiting to start");
        ConfirmButton(step).HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task Confirm_ThenTheRunFinishes_ShowsItImported()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true));
        var step = await RenderStepAsync();
        ConfirmButton(step).Click();
        step.WaitForElement("[data-testid=import-run]");
        var import = await WithDbAsync(db => db.Set<ImportRun>().AsNoTracking().SingleAsync(r => r.Kind == ImportRunKind.Import));

        await Services.GetRequiredService<ImportProgress>().PublishAsync(
            ImportProgressSnapshot.From(import) with { Status = ImportRunStatus.Succeeded, Phase = "Done", Created = 1 });

        step.WaitForAssertion(() =>
        {
            step.Find("[data-testid=import-run]").TextContent.ShouldContain("Imported.");
            step.Find("[data-testid=import-run-counts]").TextContent.ShouldContain("1 created");
        });
    }

    [Fact]
    public async Task Confirm_AfterTheImportFailed_CanBeClickedAgain()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true));
        var step = await RenderStepAsync();
        ConfirmButton(step).Click();
        step.WaitForElement("[data-testid=import-run]");
        var failed = await WithDbAsync(async db =>
        {
            var run = await db.Set<ImportRun>().SingleAsync(r => r.Kind == ImportRunKind.Import);
            run.Status = ImportRunStatus.Failed;
            run.Error = "Database is locked.";
            await db.SaveChangesAsync();
            return run;
        });
        await Services.GetRequiredService<ImportProgress>().PublishAsync(ImportProgressSnapshot.From(failed));
        step.WaitForAssertion(() => step.Find("[data-testid=import-run]").TextContent.ShouldContain("Database is locked."));

        ConfirmButton(step).Click();

        step.WaitForAssertion(() => step.Find("[data-testid=import-run]").TextContent.ShouldContain("Waiting to start"));
        (await WithDbAsync(db => db.Set<ImportRun>().CountAsync(r => r.Kind == ImportRunKind.Import && r.FetchRunId == RunId))).ShouldBe(2);
    }

    [Fact]
    public async Task Back_RaisesOnBack()
    {
        var step = await RenderStepAsync();

        step.FindAll("button").Single(b => b.TextContent.Trim() == "Back").Click();

        _back.ShouldBe(1);
    }
}
