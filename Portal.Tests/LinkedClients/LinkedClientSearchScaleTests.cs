using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Core.LinkedClients;
using Portal.Core.Xpm;
using Portal.Infrastructure;

namespace Portal.LinkedClients;

/// <summary>The review pages in the database: each filter's page of 25 with its exact total at 20,000 clients.</summary>
public sealed class LinkedClientSearchScaleTests(ITestOutputHelper output)
{
    private const int Clients = 20_000;

    // Not a timing test (speed is measured by Portal.Benchmarks): at 20,000 clients every filter is answered by the
    // database with exact totals and a full page, not by loading the clients into memory.
    [Fact]
    public async Task Search_EveryFilterAt20000Clients_GivesExactTotalsAndAFullPage()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database);
        var service = new LinkedClientService(database,
            new FakeCurrentUser(new PortalUser("Mia Manager", "mia@practice.example", PortalRoles.Manager, database.PracticeId, null, null)), TimeProvider.System);
        var syncedBefore = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var linked = Enumerable.Range(0, Clients).Where(IsLinked).ToList();
        var expected = new Dictionary<LinkedClientFilter, int>
        {
            [LinkedClientFilter.AllLinked] = linked.Count,
            [LinkedClientFilter.NewSinceReview] = linked.Count(i => i % 7 == 0),
            // No import run in this database: nothing was linked or updated by "the last import".
            [LinkedClientFilter.LinkedByLastImport] = 0,
            [LinkedClientFilter.UpdatedByLastImport] = 0,
            [LinkedClientFilter.PendingSync] = linked.Count(i => i % 11 == 0),
            [LinkedClientFilter.Conflicts] = 0,
            [LinkedClientFilter.ArchivedInXpm] = linked.Count(i => i % 13 == 0),
            [LinkedClientFilter.NotLinked] = Clients - linked.Count,
            [LinkedClientFilter.LastSyncedBefore] = linked.Count(i => SyncedAt(i) < syncedBefore),
        };

        foreach (var filter in Enum.GetValues<LinkedClientFilter>())
        {
            var page = await service.SearchAsync(new LinkedClientQuery(filter, SyncedBefore: syncedBefore, Page: 10));
            output.WriteLine($"{filter}: {page.TotalCount} clients");
            page.TotalCount.ShouldBe(expected[filter], filter.ToString());
            page.Items.Count.ShouldBe(Math.Clamp(expected[filter] - (10 * 25), 0, 25), filter.ToString());
        }
    }

    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static bool IsLinked(int i) => i % 10 != 9;

    private static DateTime SyncedAt(int i) => Start.AddMinutes(i * 20);

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < Clients; i++)
        {
            db.Clients.Add(new Client
            {
                PracticeId = database.PracticeId, Kind = ClientKind.Person, Name = $"Client {i:D5}", Email = $"client{i}@example.com",
                XpmLink = !IsLinked(i) ? null : new XpmLink
                {
                    XpmUuid = Guid.NewGuid(), LinkedAt = Start, LastSyncedAt = SyncedAt(i), IsNew = i % 7 == 0,
                    LinkedByRunId = i % 3, UpdatedByRunId = i % 5, PendingSyncFields = i % 11 == 0 ? "Email" : null, IsArchivedInXpm = i % 13 == 0,
                },
            });
        }

        await db.SaveChangesAsync();
    }
}
