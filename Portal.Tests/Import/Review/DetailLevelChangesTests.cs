using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;

namespace Portal.Import.Review;

/// <summary>The counts beside the detail-level choice: records whose details change at each level.</summary>
public sealed class DetailLevelChangesTests
{
    [Fact]
    public async Task Counts_NewClientsAndAMatchWhosePhoneDiffers_CountEveryCreateAtBothLevelsAndTheMatchAtAllContactDetails()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var company = new StagedClient
        {
            XpmUuid = ImportTestData.Uuid(3), Kind = ClientKind.Entity, Name = "Whitfield Holdings Ltd", BusinessStructure = "Company", IsSelected = true,
        };
        var cara = new Client
        {
            Kind = ClientKind.Person, Name = "Cara Lee", FirstName = "Cara", LastName = "Lee", BusinessStructure = BusinessStructures.Individual,
            Email = "cara@example.com", Phone = "09 555 0001",
        };
        var fetchId = await harness.FetchAsync(
            ImportHarness.Person(1, "Ana Whitfield", "ana@example.com", "09 555 0100", selected: true),
            ImportHarness.Person(2, "Ben Ng", selected: true),
            ImportHarness.Person(4, "Dan Unticked", selected: false),
            ImportHarness.Person(5, "Cara Lee", "cara@example.com", "09 555 0002", selected: true),
            company,
            cara);

        var changes = await harness.Review.GetDetailLevelChangesAsync(fetchId);

        changes.Basic.ShouldBe(new DetailLevelChanges.Count(2, 1));
        changes.AllContactDetails.ShouldBe(new DetailLevelChanges.Count(3, 1));
    }

    [Fact]
    public async Task Counts_ASuggestionRejected_CountsItAsACreate()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var portal = new Client { Kind = ClientKind.Person, Name = "Ana Whitfield", FirstName = "Ana", LastName = "Whitfield", Phone = "09 555 0100" };
        var fetchId = await harness.FetchAsync(ImportHarness.Person(1, "Ana Whitfield", phone: "09 555 0100", selected: true), portal);
        (await harness.Review.GetDetailLevelChangesAsync(fetchId)).Basic.ShouldBe(new DetailLevelChanges.Count(0, 0));

        (await harness.Review.SetSuggestionAsync(fetchId, ImportTestData.Uuid(1), SuggestionDecision.Rejected)).Error.ShouldBeNull();

        (await harness.Review.GetDetailLevelChangesAsync(fetchId)).Basic.ShouldBe(new DetailLevelChanges.Count(1, 0));
    }
}
