using Bunit;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class StaffStepTests : ImportReviewTestContext
{
    private int _changed;
    private int _saved;

    private IRenderedComponent<StaffStep> RenderStep()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var step = Render<StaffStep>(p => p
            .Add(s => s.RunId, RunId)
            .Add(s => s.OnChanged, () => _changed++)
            .Add(s => s.OnSaved, () => _saved++));
        step.WaitForAssertion(() => step.FindAll("tbody tr").ShouldNotBeEmpty());
        return step;
    }

    private static int CheckedBoxes(IRenderedComponent<StaffStep> step) =>
        step.FindAll("tbody input[type=checkbox]").Count(i => i.HasAttribute("checked"));

    [Fact]
    public async Task TickingARow_SavesIsSelectedAndRaisesOnChanged()
    {
        await SeedAsync(Staff("Jo Bloggs"), Staff("Sam Staff"));
        var step = RenderStep();

        CheckBox(step, "Sam Staff").Change(true);

        step.WaitForAssertion(() => CheckBox(step, "Sam Staff").HasAttribute("checked").ShouldBeTrue());
        (await StaffTicksAsync()).ShouldBe(new Dictionary<string, bool> { ["Jo Bloggs"] = false, ["Sam Staff"] = true }, ignoreOrder: true);
        _changed.ShouldBe(1);
    }

    [Fact]
    public async Task UntickingARow_SavesItUnselected()
    {
        await SeedAsync(Staff("Jo Bloggs", selected: true));
        var step = RenderStep();

        CheckBox(step, "Jo Bloggs").Change(false);

        step.WaitForAssertion(() => CheckBox(step, "Jo Bloggs").HasAttribute("checked").ShouldBeFalse());
        (await StaffTicksAsync())["Jo Bloggs"].ShouldBeFalse();
    }

    [Fact]
    public async Task SelectAll_TicksEveryStaffMember()
    {
        await SeedAsync(Staff("Jo Bloggs"), Staff("Sam Staff", selected: true), Staff("Tui Rangi"));
        var step = RenderStep();

        step.FindAll("button").Single(b => b.TextContent.Trim() == "Select all").Click();

        step.WaitForAssertion(() => CheckedBoxes(step).ShouldBe(3));
        (await StaffTicksAsync()).Values.ShouldAllBe(selected => selected);
        _changed.ShouldBe(1);
    }

    [Fact]
    public async Task SelectAll_WithASearch_TicksOnlyTheMatchingStaff()
    {
        await SeedAsync(Staff("Jo Bloggs"), Staff("Sam Staff"), Staff("Sam Rangi"));
        var step = RenderStep();

        step.Find("input[aria-label='Search staff']").Input("Sam");
        step.WaitForAssertion(() => step.FindAll("tbody tr").Count.ShouldBe(2), TimeSpan.FromSeconds(5));
        // The debounced search re-renders the step after the table; find and click in one go on the renderer.
        await step.InvokeAsync(() => step.FindAll("button").Single(b => b.TextContent.Trim() == "Select all").Click());

        step.WaitForAssertion(() => CheckedBoxes(step).ShouldBe(2));
        (await StaffTicksAsync()).ShouldBe(new Dictionary<string, bool> { ["Jo Bloggs"] = false, ["Sam Staff"] = true, ["Sam Rangi"] = true }, ignoreOrder: true);
    }

    [Fact]
    public async Task Clear_UnticksEveryStaffMember()
    {
        await SeedAsync(Staff("Jo Bloggs", selected: true), Staff("Sam Staff", selected: true));
        var step = RenderStep();

        step.FindAll("button").Single(b => b.TextContent.Trim() == "Clear").Click();

        step.WaitForAssertion(() => CheckedBoxes(step).ShouldBe(0));
        (await StaffTicksAsync()).Values.ShouldAllBe(selected => !selected);
    }

    [Fact]
    public async Task SaveAndContinue_RaisesOnSaved()
    {
        await SeedAsync(Staff("Jo Bloggs"));
        var step = RenderStep();

        step.FindAll("button").Single(b => b.TextContent.Trim() == "Save and continue").Click();

        step.WaitForAssertion(() => _saved.ShouldBe(1));
    }
}
