using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Staff;
using Portal.Core.Xpm;
using Portal.Infrastructure;

namespace Portal.Import.Apply;

/// <summary>Any saved change to a client, its link or its team makes the next import plan that client again.</summary>
public sealed class ImportFingerprintResetTests
{
    private const long Fingerprint = 42;

    [Fact]
    public async Task Save_ClientFieldChanged_ClearsItsFingerprint()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await SeedAsync(database);

        await ChangeAsync(database, id, client => client.Phone = "021 000 111");

        (await FingerprintAsync(database, id)).ShouldBeNull();
    }

    [Fact]
    public async Task Save_LinkChanged_ClearsItsFingerprint()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await SeedAsync(database);

        await ChangeAsync(database, id, client => client.XpmLink!.PendingSyncFields = "Phone");

        (await FingerprintAsync(database, id)).ShouldBeNull();
    }

    [Fact]
    public async Task Save_TeamMemberAdded_ClearsTheClientsFingerprint()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await SeedAsync(database);

        await ChangeAsync(database, id, client =>
            client.Team.Add(new TeamMember { ClientId = client.Id, StaffMemberId = client.Team[0].StaffMemberId, Role = TeamRole.JobManager }));

        (await FingerprintAsync(database, id)).ShouldBeNull();
    }

    [Fact]
    public async Task Save_AnotherClientChanged_KeepsThisClientsFingerprint()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await SeedAsync(database);
        var other = await SeedAsync(database);

        await ChangeAsync(database, other, client => client.Name = "Someone Else");

        (await FingerprintAsync(database, id)).ShouldBe(Fingerprint);
        (await FingerprintAsync(database, other)).ShouldBeNull();
    }

    private static async Task<int> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var staff = new StaffMember { PracticeId = database.PracticeId, Name = "Anna Account" };
        var client = new Client
        {
            PracticeId = database.PracticeId, Kind = ClientKind.Person, Name = "Ana Whitfield",
            XpmLink = new XpmLink { XpmUuid = Guid.NewGuid(), ImportFingerprint = Fingerprint },
        };
        db.AddRange(staff, client);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.Add(new TeamMember { ClientId = client.Id, StaffMemberId = staff.Id, Role = TeamRole.AccountManager });
        // The seed's own team row is a change too: put the fingerprint back as an import would leave it.
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await db.Clients.Where(c => c.Id == client.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.XpmLink!.ImportFingerprint, Fingerprint), TestContext.Current.CancellationToken);
        return client.Id;
    }

    private static async Task ChangeAsync(TestDatabase database, int id, Action<Client> change)
    {
        await using var db = database.CreateDbContext();
        var client = await db.Clients.Include(c => c.Team).SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
        change(client);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<long?> FingerprintAsync(TestDatabase database, int id)
    {
        await using var db = database.CreateDbContext();
        return await db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => c.XpmLink!.ImportFingerprint).SingleAsync(TestContext.Current.CancellationToken);
    }
}
