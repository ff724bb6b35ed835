using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using Portal.Web.Components.Pages.Import;

namespace Portal.Web.Pages.Import;

public sealed class ClientsStepTests : ImportReviewTestContext
{
    private readonly List<ImportDetailLevel> _levels = [];
    private int _changed;

    private IRenderedComponent<ClientsStep> RenderStep(ClientKind kind = ClientKind.Person, ImportDetailLevel level = ImportDetailLevel.AllContactDetails)
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<ClientsStep>(p => p
            .Add(s => s.RunId, RunId)
            .Add(s => s.Kind, kind)
            .Add(s => s.DetailLevel, level)
            .Add(s => s.DetailLevelChanged, level => _levels.Add(level))
            .Add(s => s.OnChanged, () => _changed++));
    }

    private static List<string> Headers(IRenderedComponent<ClientsStep> step) =>
        step.FindAll("thead th").Select(th => th.TextContent.Trim()).ToList();

    private static int CheckedBoxes(IRenderedComponent<ClientsStep> step) =>
        step.FindAll("tbody input[type=checkbox]").Count(i => i.HasAttribute("checked"));

    [Fact]
    public async Task Render_BasicDetails_HasNoTelephoneOrAddressColumns()
    {
        await SeedAsync(Person("Ana Whitfield"));

        var step = RenderStep(level: ImportDetailLevel.Basic);

        step.WaitForAssertion(() => step.Markup.ShouldContain("Ana Whitfield"));
        Headers(step).ShouldContain("Email");
        Headers(step).ShouldNotContain("Telephone");
        Headers(step).ShouldNotContain("Address");
        step.Markup.ShouldNotContain("1 Quay Street");
    }

    [Fact]
    public async Task Render_AllContactDetails_ShowsTelephoneAndAddressColumns()
    {
        await SeedAsync(Person("Ana Whitfield"));

        var step = RenderStep(level: ImportDetailLevel.AllContactDetails);

        step.WaitForAssertion(() => step.Markup.ShouldContain("Ana Whitfield"));
        Headers(step).ShouldContain("Telephone");
        Headers(step).ShouldContain("Address");
        step.Find("td[data-label=Telephone]").TextContent.ShouldBe("021 555 0199");
        step.Find("td[data-label=Address]").TextContent.ShouldBe("1 Quay Street, Auckland, 1010, New Zealand");
    }

    private static AngleSharp.Dom.IElement Choice(IRenderedComponent<ClientsStep> step, ImportDetailLevel level) =>
        step.Find($"[data-testid=detail-level-{level}]");

    [Theory]
    [InlineData(ImportDetailLevel.Basic)]
    [InlineData(ImportDetailLevel.AllContactDetails)]
    public async Task DetailLevel_ShowsBothChoicesAtOnceWithTheChosenOneMarked(ImportDetailLevel chosen)
    {
        await SeedAsync(Person("Ana Whitfield"));

        var step = RenderStep(level: chosen);

        step.WaitForAssertion(() => step.Markup.ShouldContain("Ana Whitfield"));
        Choice(step, ImportDetailLevel.Basic).TextContent.ShouldContain("Basic — name and email");
        Choice(step, ImportDetailLevel.AllContactDetails).TextContent.ShouldContain("All contact details — adds telephone and address");
        var marked = step.FindAll("[data-testid=detail-level] [aria-checked=true]").ShouldHaveSingleItem();
        marked.GetAttribute("data-testid").ShouldBe($"detail-level-{chosen}");
        marked.ClassList.ShouldContain("mud-toggle-item-selected");
    }

    [Theory]
    [InlineData(ImportDetailLevel.Basic, ImportDetailLevel.AllContactDetails)]
    [InlineData(ImportDetailLevel.AllContactDetails, ImportDetailLevel.Basic)]
    public async Task DetailLevel_ChoosingTheOther_RaisesDetailLevelChangedWithIt(ImportDetailLevel shown, ImportDetailLevel other)
    {
        await SeedAsync(Person("Ana Whitfield"));
        var step = RenderStep(level: shown);
        step.WaitForAssertion(() => step.Markup.ShouldContain("Ana Whitfield"));

        Choice(step, other).Click();

        step.WaitForAssertion(() => _levels.ShouldBe(new[] { other }));
    }

    [Fact]
    public async Task DetailLevel_ShowsHowManySelectedClientsDetailsChangeEitherWay()
    {
        // Ana is linked with the same name and email but another phone: only all contact details would change her.
        var ana = Person("Ana Whitfield", selected: true);
        var linkedAna = new Client
        {
            Kind = ClientKind.Person, Name = ana.Name, FirstName = ana.FirstName, LastName = ana.LastName, Email = ana.Email, Phone = "09 555 0000",
            PhysicalAddress = ana.PhysicalAddress,
            XpmLink = new Portal.Core.Xpm.XpmLink { XpmUuid = ana.XpmUuid, LinkedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
        };
        await SeedAsync(ana, linkedAna, Person("Ben Ng", selected: true), Person("Cleo Park"));

        var step = RenderStep(level: ImportDetailLevel.Basic);

        step.WaitForAssertion(() => step.Find("[data-testid=detail-level-Basic-changes]").TextContent.Trim().ShouldBe("1 client's details will change"));
        step.Find("[data-testid=detail-level-AllContactDetails-changes]").TextContent.Trim().ShouldBe("2 clients' details will change");
    }

    [Fact]
    public async Task DetailLevel_AfterTickingAClient_CountsItEitherWay()
    {
        await SeedAsync(Person("Ana Whitfield"), Person("Ben Ng"));
        var step = RenderStep();
        step.WaitForAssertion(() => step.Find("[data-testid=detail-level-Basic-changes]").TextContent.Trim().ShouldBe("0 clients' details will change"));

        CheckBox(step, "Ben Ng").Change(true);

        step.WaitForAssertion(() =>
        {
            step.Find("[data-testid=detail-level-Basic-changes]").TextContent.Trim().ShouldBe("1 client's details will change");
            step.Find("[data-testid=detail-level-AllContactDetails-changes]").TextContent.Trim().ShouldBe("1 client's details will change");
        });
    }

    [Fact]
    public async Task DetailLevel_WhenTheParentAppliesTheChoice_SwapsTheColumnsAndTheMark()
    {
        await SeedAsync(Person("Ana Whitfield"));
        var step = RenderStep(level: ImportDetailLevel.Basic);
        step.WaitForAssertion(() => step.Markup.ShouldContain("Ana Whitfield"));

        Choice(step, ImportDetailLevel.AllContactDetails).Click();
        step.WaitForAssertion(() => _levels.ShouldHaveSingleItem());
        step.Render(p => p.Add(s => s.DetailLevel, _levels[0]));

        step.WaitForAssertion(() =>
        {
            Headers(step).ShouldContain("Telephone");
            Headers(step).ShouldContain("Address");
            Choice(step, ImportDetailLevel.AllContactDetails).GetAttribute("aria-checked").ShouldBe("true");
            Choice(step, ImportDetailLevel.Basic).GetAttribute("aria-checked").ShouldBe("false");
        });
    }

    [Fact]
    public async Task Render_ReadOnly_ShowsTheTicksAndChoiceButChangesNothing()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true), Person("Ben Ng"));

        var step = Render<ClientsStep>(p => p
            .Add(s => s.RunId, RunId)
            .Add(s => s.Kind, ClientKind.Person)
            .Add(s => s.DetailLevel, ImportDetailLevel.Basic)
            .Add(s => s.DetailLevelChanged, level => _levels.Add(level))
            .Add(s => s.ReadOnly, true));

        step.WaitForAssertion(() => CheckBox(step, "Ana Whitfield").HasAttribute("checked").ShouldBeTrue());
        CheckBox(step, "Ben Ng").HasAttribute("disabled").ShouldBeTrue();
        step.FindAll("button").Single(b => b.TextContent.Trim() == "Select all matching").HasAttribute("disabled").ShouldBeTrue();
        step.FindAll("button").Single(b => b.TextContent.Trim() == "Save and continue").HasAttribute("disabled").ShouldBeTrue();
        Choice(step, ImportDetailLevel.AllContactDetails).HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task SelectAllMatching_WithASearch_TicksEveryMatchingPersonAcrossPages()
    {
        var smiths = Enumerable.Range(1, 55).Select(i => Person($"Kim Smith {i:00}")).ToArray();
        await SeedAsync([.. smiths, Person("Ana Whitfield"), Person("Ben Ng"), Entity("Smith Holdings Limited")]);
        var step = RenderStep();
        step.WaitForAssertion(() => step.Markup.ShouldContain("of 57"));

        step.Find("input[aria-label='Search clients']").Input("Smith");
        step.WaitForAssertion(() => step.Markup.ShouldContain("1-50 of 55"), TimeSpan.FromSeconds(5));
        // The debounced search re-renders the step after the table; find and click in one go on the renderer.
        await step.InvokeAsync(() => step.FindAll("button").Single(b => b.TextContent.Trim() == "Select all matching").Click());
        step.WaitForAssertion(() => CheckedBoxes(step).ShouldBe(50));

        var people = await ClientTicksAsync(ClientKind.Person);
        people.Where(p => p.Value).Select(p => p.Key).ShouldBe(smiths.Select(s => s.Name), ignoreOrder: true);
        (await ClientTicksAsync(ClientKind.Entity))["Smith Holdings Limited"].ShouldBeFalse();
        _changed.ShouldBe(1);
    }

    [Fact]
    public async Task Clear_UnticksEveryPersonButLeavesEntities()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true), Person("Ben Ng", selected: true), Entity("Whitfield Trust", "Trust", selected: true));
        var step = RenderStep();
        step.WaitForAssertion(() => CheckedBoxes(step).ShouldBe(2));

        step.FindAll("button").Single(b => b.TextContent.Trim() == "Clear").Click();

        step.WaitForAssertion(() => CheckedBoxes(step).ShouldBe(0));
        (await ClientTicksAsync(ClientKind.Person)).Values.ShouldAllBe(selected => !selected);
        (await ClientTicksAsync(ClientKind.Entity))["Whitfield Trust"].ShouldBeTrue();
    }

    [Fact]
    public async Task Render_Fresh_ShowsTheTicksSavedInTheDatabase()
    {
        await SeedAsync(Person("Ana Whitfield", selected: true), Person("Ben Ng"), Person("Cleo Park", selected: true));

        var step = RenderStep();

        step.WaitForAssertion(() => step.Markup.ShouldContain("Cleo Park"));
        CheckBox(step, "Ana Whitfield").HasAttribute("checked").ShouldBeTrue();
        CheckBox(step, "Ben Ng").HasAttribute("checked").ShouldBeFalse();
        CheckBox(step, "Cleo Park").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task TickingARow_SavesItSoAFreshStepShowsItTicked()
    {
        await SeedAsync(Person("Ana Whitfield"), Person("Ben Ng"));
        var first = RenderStep();
        first.WaitForAssertion(() => first.Markup.ShouldContain("Ben Ng"));

        CheckBox(first, "Ben Ng").Change(true);
        first.WaitForAssertion(() => _changed.ShouldBe(1));
        await DisposeComponentsAsync();
        var fresh = RenderStep();

        fresh.WaitForAssertion(() => CheckBox(fresh, "Ben Ng").HasAttribute("checked").ShouldBeTrue());
        CheckBox(fresh, "Ana Whitfield").HasAttribute("checked").ShouldBeFalse();
        (await ClientTicksAsync(ClientKind.Person)).ShouldBe(new Dictionary<string, bool> { ["Ana Whitfield"] = false, ["Ben Ng"] = true }, ignoreOrder: true);
    }

    [Fact]
    public async Task SameClient_OnASuggestedMatch_SavesTheAcceptedDecision()
    {
        var suggested = Person("Ana Whitfield");
        suggested.MatchKind = ClientMatchKind.Suggested;
        suggested.MatchReason = "Same name and phone 021 555 0199 — suggested, please confirm";
        await SeedAsync(suggested);
        var step = RenderStep();
        step.WaitForAssertion(() => step.Markup.ShouldContain("Suggested match"));

        step.FindAll("button").Single(b => b.TextContent.Trim() == "Same client").Click();

        step.WaitForAssertion(() => step.Markup.ShouldContain("Will link (accepted)"));
        var decision = await WithDbAsync(db => db.Set<StagedClient>().Where(c => c.XpmUuid == suggested.XpmUuid).Select(c => c.Suggestion).SingleAsync());
        decision.ShouldBe(SuggestionDecision.Accepted);
        _changed.ShouldBe(1);
    }

    [Fact]
    public async Task Render_Entities_ShowsStructureAndRelationships()
    {
        var trust = Entity("Whitfield Family Trust", "Trust");
        await SeedAsync(trust, Person("Ana Whitfield"), new StagedRelationship
        {
            ClientUuid = trust.XpmUuid,
            RelatedClientUuid = Guid.NewGuid(),
            RelatedClientName = "Ana Whitfield",
            Type = "Trustee",
        });

        var step = RenderStep(ClientKind.Entity, ImportDetailLevel.Basic);

        step.WaitForAssertion(() => step.Markup.ShouldContain("Whitfield Family Trust"));
        step.Find("[data-testid=entities-step]").ShouldNotBeNull();
        step.Find("td[data-label=Structure]").TextContent.ShouldBe("Trust");
        step.Find("td[data-label=Relationships]").TextContent.ShouldBe("Trustee: Ana Whitfield");
        step.FindAll("[data-testid=detail-level]").ShouldBeEmpty();
        step.FindAll("tbody tr").Count.ShouldBe(1);
    }
}
