using Portal.Core.Clients;
using Portal.Core.Import.Review;
using Portal.XpmSandbox;

namespace Portal.Sync;

/// <summary>The review's Clients step says, per linked record, what XPM changed since it last agreed with the portal.</summary>
public sealed class ReviewChangedInXpmTests
{
    [Fact]
    public async Task GetClients_LinkedClientEditedInXpm_ShowsOnlyThatFieldWithItsLastSyncedAndNewValue()
    {
        await using var importer = await SandboxImporter.StartAsync();
        await importer.ImportAsync(SandboxWellKnown.AnaWhitfieldName);
        var before = importer.Portal.Practice.FindClient(SandboxWellKnown.AnaWhitfield)!.Phone;
        importer.Portal.Practice.UpdateClient(SandboxWellKnown.AnaWhitfield, c => c with { Phone = "06 555 0777" });

        var fetch = await importer.FetchAsync();
        var page = await importer.Review.GetClientsAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person, SandboxWellKnown.AnaWhitfieldName));

        var ana = page.Items.ShouldHaveSingleItem();
        ana.ChangedInXpm.ShouldBe([$"Phone: {before} → 06 555 0777"]);
    }

    [Fact]
    public async Task GetClients_NewClient_HasNoChanges()
    {
        await using var importer = await SandboxImporter.StartAsync();

        var fetch = await importer.FetchAsync();
        var page = await importer.Review.GetClientsAsync(fetch.RunId, new ClientReviewQuery(ClientKind.Person, SandboxWellKnown.AnaWhitfieldName));

        page.Items.ShouldHaveSingleItem().ChangedInXpm.ShouldBeEmpty();
    }
}
