using System.Diagnostics;
using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Core.LinkedClients;
using Portal.Core.Xpm;
using Portal.Infrastructure;

namespace Portal.LinkedClients;

/// <summary>The review pages in the database: each filter's page of 25 (with its total) stays quick at 20,000 clients.</summary>
public sealed class LinkedClientSearchScaleTests(ITestOutputHelper output)
{
    private const int Clients = 20_000;

    [Fact]
    public async Task Search_EveryFilterAt20000Clients_ReturnsAPageQuickly()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await SeedAsync(database);
        var service = new LinkedClientService(database,
            new FakeCurrentUser(new PortalUser("Mia Manager", "mia@practice.example", PortalRoles.Manager, database.PracticeId, null, null)), TimeProvider.System);
        await service.SearchAsync(new LinkedClientQuery());

        foreach (var filter in Enum.GetValues<LinkedClientFilter>())
        {
            var clock = Stopwatch.StartNew();
            var page = await service.SearchAsync(new LinkedClientQuery(filter, SyncedBefore: new DateTime(2026, 6, 1), Page: 10));
            clock.Stop();
            output.WriteLine($"{filter}: {page.TotalCount} clients, page 11 in {clock.ElapsedMilliseconds} ms");
            // Generous for a shared, loaded machine; measured locally in tens of milliseconds.
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), filter.ToString());
        }
    }

    private static async Task SeedAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Clients; i++)
        {
            db.Clients.Add(new Client
            {
                PracticeId = database.PracticeId, Kind = ClientKind.Person, Name = $"Client {i:D5}", Email = $"client{i}@example.com",
                XpmLink = i % 10 == 9 ? null : new XpmLink
                {
                    XpmUuid = Guid.NewGuid(), LinkedAt = start, LastSyncedAt = start.AddMinutes(i * 20), IsNew = i % 7 == 0,
                    LinkedByRunId = i % 3, UpdatedByRunId = i % 5, PendingSyncFields = i % 11 == 0 ? "Email" : null, IsArchivedInXpm = i % 13 == 0,
                },
            });
        }

        await db.SaveChangesAsync();
    }
}
