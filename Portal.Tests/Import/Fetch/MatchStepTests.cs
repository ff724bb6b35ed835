using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Import.Fetch;
using Portal.Core.Xpm;

namespace Portal.Import.Fetch;

/// <summary>
/// The fetch stages a full read with the match its links decide (linked, or new in a portal with no unlinked client) and
/// ticks the linked; the match step then corrects only what the portal changed in between, and the linked stay ticked.
/// </summary>
public sealed class MatchStepTests
{
    [Fact]
    public async Task Match_RecordStagedAsLinkedWhoseLinkWentBeforeTheMatch_IsNewAndNotTicked()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var staged = ImportHarness.Person(1, "Ana Whitfield", "ana@example.com", selected: true);
        (staged.MatchKind, staged.MatchClientId, staged.MatchReason) = (ClientMatchKind.Linked, 4242, ClientMatcher.LinkedReason);

        var fetchId = await harness.FetchAsync(staged);
        await harness.WithDbAsync(async db => { await DeltaFetch.PreselectLinkedAsync(db, fetchId, clients: true, CancellationToken.None); return 0; });

        var row = await harness.WithDbAsync(db => db.Set<StagedClient>().AsNoTracking().SingleAsync(c => c.RunId == fetchId));
        (row.MatchKind, row.MatchClientId, row.MatchReason, row.IsSelected).ShouldBe((ClientMatchKind.None, (int?)null, ClientMatcher.NoMatchReason, false));
    }

    [Fact]
    public async Task Match_RecordOfALinkedClientStagedUnmatched_IsLinkedAndTicked()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var portalClient = new Client
        {
            Name = "Ana Whitfield", Email = "ana@example.com",
            XpmLink = new XpmLink { XpmUuid = ImportTestData.Uuid(1), LinkedAt = DateTime.UtcNow },
        };
        var unlinked = new Client { Name = "Ben Ng", Email = "ben@example.com" };

        var fetchId = await harness.FetchAsync(portalClient, unlinked, ImportHarness.Person(1, "Ana Whitfield", "ana@example.com"), ImportHarness.Person(2, "Ben Ng", "ben@example.com"));
        await harness.WithDbAsync(async db => { await DeltaFetch.PreselectLinkedAsync(db, fetchId, clients: true, CancellationToken.None); return 0; });

        var rows = await harness.WithDbAsync(db => db.Set<StagedClient>().AsNoTracking().Where(c => c.RunId == fetchId).OrderBy(c => c.Name).ToListAsync());
        rows.Select(r => (r.Name, r.MatchKind, r.MatchClientId, r.IsSelected)).ShouldBe(
        [
            ("Ana Whitfield", ClientMatchKind.Linked, (int?)portalClient.Id, true),
            // Matched by the matcher (an unlinked portal client with that email and name), and left for the reviewer to tick.
            ("Ben Ng", ClientMatchKind.SameEmail, (int?)unlinked.Id, false),
        ]);
    }
}
