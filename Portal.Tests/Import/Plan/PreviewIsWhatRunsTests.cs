using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Import.Apply;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Review;
using static Portal.Import.ImportTestData;

namespace Portal.Import.Plan;

/// <summary>What the Clients step and the Confirm step show is exactly what the import does.</summary>
public sealed class PreviewIsWhatRunsTests
{
    private static Client Portal(string name, string? email = null, string? phone = null) => new()
    {
        Name = name,
        FirstName = name.Split(' ')[0],
        LastName = name.Split(' ')[^1],
        Email = email,
        Phone = phone,
        CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    [Theory]
    [InlineData("ana@kowhai.example", null)] // both XPM records have the portal client's email and name
    [InlineData(null, "021 555 0199")] // both are only suggestions (same name and phone)
    public async Task Import_ClientThatLostAContestedMatchAtTheFetch_IsCreatedAsTheReviewAndPreviewSaid(string? email, string? phone)
    {
        await using var harness = await ImportHarness.CreateAsync();
        var fetch = await harness.FetchAsync(
            Portal("Ana Whitfield", email, phone),
            ImportHarness.Person(1, "Ana Whitfield", email, phone),
            ImportHarness.Person(2, "Ana Whitfield", email, phone, selected: true));
        var shown = (await harness.Review.GetClientsAsync(fetch, new ClientReviewQuery(ClientKind.Person))).Items.Single(r => r.XpmUuid == Uuid(2));
        var preview = (await harness.Review.PreviewAsync(fetch)).Value!;

        var import = await harness.ImportAsync(fetch);

        shown.MatchKind.ShouldBe(ClientMatchKind.None); // the Clients step shows "Will create"
        preview.Changes.ShouldHaveSingleItem().Action.ShouldBe(ImportAction.Create);
        var applied = await harness.WithDbAsync(db => db.Set<ImportOutcome>().Where(o => o.RunId == import.Id).Select(o => new { o.XpmUuid, o.Action }).ToListAsync());
        applied.Select(o => (o.XpmUuid, o.Action)).ShouldBe(preview.Changes.Select(e => (e.XpmUuid, e.Action)));
        (await harness.WithDbAsync(db => db.Clients.CountAsync(c => c.Name == "Ana Whitfield"))).ShouldBe(2);
    }
}
