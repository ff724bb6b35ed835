using Bunit;
using Portal.Core.Import.Runs;
using Portal.Core.Sync;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Sync;

namespace Portal.Web.Pages.Sync;

/// <summary>The "Sync data to Xero Practice Manager" wizard's steps and its progress, each on its own.</summary>
public sealed class SyncWizardStepsTests : PortalTestContext
{
    private static readonly SyncCandidate Ana = new(1, "Ana Whitfield", "ana.w@example.com", SyncAction.Update, "Email", null);
    private static readonly SyncCandidate Hana = new(2, "Hana Kereama", "hana@kereama.example", SyncAction.Create, null, null);

    private static SyncPreview Preview(int sharedWith = 0, int? left = 4990, string? warning = null) => new(
        [
            new SyncPreviewClient(1, "Ana Whitfield", SyncAction.Update,
                [new SyncPreviewField("Email", "ana.w@example.com", "ana@kowhairidge.example"), new SyncPreviewField("Mobile", "021 555 0123", "021 555 0100")], [], sharedWith, 2),
            new SyncPreviewClient(2, "Hana Kereama", SyncAction.Create, [new SyncPreviewField("Name", "Hana Kereama", null)], [], 0, 1),
        ],
        3, sharedWith > 0 ? 1 : 0, left, warning);

    [Fact]
    public void ModeStep_ChoosingCreateMissing_RaisesValueChanged()
    {
        SyncMode? chosen = null;
        var step = Render<SyncModeStep>(p => p.Add(s => s.Value, SyncMode.UpdateExisting).Add(s => s.ValueChanged, mode => chosen = mode));

        step.FindAll("input[type=radio]")[1].Click();

        chosen.ShouldBe(SyncMode.CreateMissing);
    }

    [Fact]
    public void ClientsStep_ShowsCandidatesWithWhatTheySendAndThePreselectedTicked()
    {
        var step = Render<SyncClientsStep>(p => p
            .Add(s => s.LoadPage, (_, _, _, _) => Task.FromResult(new SyncCandidatePage([Ana, Hana], 2)))
            .Add(s => s.Selected, new HashSet<int> { 1 }));

        step.WaitForAssertion(() => step.Markup.ShouldContain("Hana Kereama"));
        step.Find("[data-testid=sync-clients]").TextContent.ShouldContain("Pending sync");
        step.Find("[data-testid=sync-clients]").TextContent.ShouldContain("Create in XPM");
        step.FindAll("tbody input[type=checkbox]").Select(i => i.HasAttribute("checked")).ShouldBe([true, false]);
        step.Find("[data-testid=sync-selected-count]").TextContent.ShouldBe("1 selected");
    }

    [Fact]
    public void ClientsStep_TickingAClient_HandsBackTheNewSelection()
    {
        IReadOnlySet<int>? selection = null;
        var step = Render<SyncClientsStep>(p => p
            .Add(s => s.LoadPage, (_, _, _, _) => Task.FromResult(new SyncCandidatePage([Ana, Hana], 2)))
            .Add(s => s.Selected, new HashSet<int> { 1 })
            .Add(s => s.SelectedChanged, s => selection = s));
        step.WaitForAssertion(() => step.FindAll("tbody input[type=checkbox]").Count.ShouldBe(2));

        step.FindAll("tbody input[type=checkbox]")[1].Change(true);

        selection.ShouldNotBeNull().ShouldBe([1, 2], ignoreOrder: true);
    }

    [Fact]
    public void ClientsStep_Search_AsksForThatPage()
    {
        var asked = new List<string?>();
        var step = Render<SyncClientsStep>(p => p
            .Add(s => s.LoadPage, (search, _, _, _) =>
            {
                asked.Add(search);
                return Task.FromResult(new SyncCandidatePage(search is null ? [Ana, Hana] : [Hana], search is null ? 2 : 1));
            })
            .Add(s => s.Selected, new HashSet<int>()));

        step.Find("input[aria-label='Search clients']").Input("kereama");

        step.WaitForAssertion(() => asked.ShouldContain("kereama"));
        step.WaitForAssertion(() => step.Markup.ShouldNotContain("Ana Whitfield"));
    }

    [Fact]
    public void PreviewStep_ShowsEachFieldWithPortalAndXpmValuesAndTheCallsAgainstTodaysAllowance()
    {
        var step = Render<SyncPreviewStep>(p => p.Add(s => s.Preview, Preview()));

        var ana = step.FindAll("[data-testid=sync-preview-client]")[0];
        ana.TextContent.ShouldContain("Update in XPM");
        ana.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ShouldBe(["Email", "ana.w@example.com", "ana@kowhairidge.example"]);
        step.FindAll("[data-testid=sync-preview-client]")[1].TextContent.ShouldContain("Create in XPM and link");
        step.Find("[data-testid=sync-calls]").TextContent.ShouldContain("3 calls to Xero Practice Manager");
        step.Find("[data-testid=sync-calls]").TextContent.ShouldContain("4,990 calls left today");
        step.FindAll("[data-testid=sync-shared-contact]").ShouldBeEmpty();
    }

    [Fact]
    public void PreviewStep_ContactSharedWithOtherClients_SaysSoBeforeChangingIt()
    {
        var step = Render<SyncPreviewStep>(p => p.Add(s => s.Preview, Preview(sharedWith: 2)));

        step.Find("[data-testid=sync-shared-contact]").TextContent.ShouldContain("This contact is shared with 2 other clients");
        step.Find("[data-testid=sync-calls]").TextContent.ShouldContain("and 1 made for this preview");
    }

    [Fact]
    public void PreviewStep_Confirm_RaisesOnConfirm()
    {
        var confirmed = 0;
        var step = Render<SyncPreviewStep>(p => p.Add(s => s.Preview, Preview()).Add(s => s.OnConfirm, () => confirmed++));

        step.FindAll("button").Single(b => b.TextContent.Contains("Confirm and sync")).Click();

        confirmed.ShouldBe(1);
    }

    [Fact]
    public void PreviewStep_MoreCallsThanLeftToday_CannotBeConfirmed()
    {
        var step = Render<SyncPreviewStep>(p => p.Add(s => s.Preview, Preview(left: 2)));

        step.Find("[data-testid=sync-calls]").TextContent.ShouldContain("more than XPM allows");
        step.FindAll("button").Single(b => b.TextContent.Contains("Confirm and sync")).HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void RunProgress_FinishedWithFailures_ListsXpmsErrorPerClient()
    {
        var run = new ImportProgressSnapshot(9, 1, ImportRunKind.Sync, ImportRunStatus.Succeeded, "Synced", 2, 2, 0, 0, 0, "Sam Staff",
            DateTime.UtcNow, DateTime.UtcNow, DateTime.UtcNow, "1 of 2 clients were not synced; each stays pending with XPM's error on it.", false, Updated: 1, Skipped: 1);

        var progress = Render<SyncRunProgress>(p => p.Add(s => s.Run, run).Add(s => s.Failures, [new SyncFailure(1, "Ana Whitfield", "Client is locked")]));

        progress.Find("[data-testid=sync-run-counts]").TextContent.ShouldContain("2 of 2 done · 1 updated · 0 created and linked · 1 not sent");
        progress.Find("[data-testid=sync-failures]").TextContent.ShouldContain("Client is locked");
        progress.Find("a[href='/clients/1']").TextContent.ShouldBe("Ana Whitfield");
    }

    [Fact]
    public void DataPanel_RunActive_ShowsItsProgressAndNoSecondStart()
    {
        var run = new ImportProgressSnapshot(9, 1, ImportRunKind.Sync, ImportRunStatus.Running, "Sent 1 of 4", 1, 4, 0, 0, 0, "Sam Staff",
            DateTime.UtcNow, DateTime.UtcNow, null, null, false, Updated: 1);

        var panel = Render<SyncDataPanel>(p => p.Add(s => s.Run, run));

        panel.FindAll("a[href='/configure/integrations/xpm/sync']").ShouldBeEmpty();
        panel.FindAll("button").Single(b => b.TextContent.Contains("Sync data to Xero Practice Manager")).HasAttribute("disabled").ShouldBeTrue();
        panel.Find("[data-testid=sync-run]").TextContent.ShouldContain("Sent 1 of 4");
        panel.Find("[aria-label='Sync progress']").ShouldNotBeNull();
    }

    [Fact]
    public void DataPanel_NoRunYet_OnlyOffersTheWizard()
    {
        var panel = Render<SyncDataPanel>(p => p.Add(s => s.Run, null));

        panel.FindAll("[data-testid=sync-run]").ShouldBeEmpty();
        panel.Find("a[href='/configure/integrations/xpm/sync']").ShouldNotBeNull();
    }
}
