using Bunit;
using MudBlazor;
using Portal.Core.Import.Plan;
using Portal.Core.Sync;
using Portal.Infrastructure;
using Portal.Web.Components.Pages.Conflicts;

namespace Portal.Web.Pages.Conflicts;

public sealed class SyncPolicyCardTests : PortalTestContext
{
    [Fact]
    public void Render_ShowsAChoiceForEachField()
    {
        var card = Render<SyncPolicyCard>(p => p.Add(c => c.Policies, new Dictionary<ImportField, ConflictPolicy>
        {
            [ImportField.Email] = ConflictPolicy.Ask,
            [ImportField.Phone] = ConflictPolicy.XpmWins,
        }));

        card.FindComponents<MudSelect<ConflictPolicy>>().Select(s => s.Instance.Label)
            .ShouldBe(["Email", "Phone"]);
    }

    [Fact]
    public async Task ChoosingAPolicy_RaisesTheFieldAndPolicy()
    {
        (ImportField, ConflictPolicy)? raised = null;
        Render<MudPopoverProvider>();
        var card = Render<SyncPolicyCard>(p => p
            .Add(c => c.Policies, new Dictionary<ImportField, ConflictPolicy> { [ImportField.Phone] = ConflictPolicy.Ask })
            .Add(c => c.OnPolicyChanged, change => raised = change));

        await card.InvokeAsync(() => card.FindComponent<MudSelect<ConflictPolicy>>().Instance.ValueChanged.InvokeAsync(ConflictPolicy.PortalWins));

        raised.ShouldBe((ImportField.Phone, ConflictPolicy.PortalWins));
    }
}
