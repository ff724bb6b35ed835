using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Clients;
using Portal.Core.Identity;
using Portal.Core.Import.Plan;
using Portal.Core.Sync;
using Portal.Core.Xpm;
using Portal.Infrastructure;

namespace Portal.Sync;

/// <summary>The Conflicts inbox on real SQLite: resolving one at a time or in bulk, and the per-field policy.</summary>
public sealed class ConflictServiceTests : IAsyncLifetime
{
    private static readonly PortalClientValues Base = new() { Name = "Ana Whitfield", Email = "ana@kowhairidge.example", Phone = "06 555 0142" };
    private static readonly PortalClientValues Xpm = Base with { Email = "ana.xpm@example.com", Phone = "021 999" };

    private TestDatabase _db = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private ConflictService As(string role) =>
        new(_db, new FakeCurrentUser(new PortalUser("Mia Manager", "mia@practice.example", role, _db.PracticeId, null, null)), _time);

    [Fact]
    public async Task TakeXpmAsync_WritesXpmsValueAndNothingIsPending()
    {
        var (clientId, conflictId) = await AddConflictAsync(ImportField.Email, "ana.portal@example.com");

        var result = await As(PortalRoles.Manager).TakeXpmAsync([conflictId], TestContext.Current.CancellationToken);

        result.Value.ShouldBe(1);
        var client = await LoadAsync(clientId);
        (client.Email, client.XpmLink!.PendingSyncFields).ShouldBe(("ana.xpm@example.com", (string?)null));
        SyncBase.Parse(client.XpmLink.LastSyncedValues).Values.Email.ShouldBe("ana.xpm@example.com");
        (await OpenCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task KeepPortalAsync_KeepsThePortalValuePendingSyncAgainstXpmsValue()
    {
        var (clientId, conflictId) = await AddConflictAsync(ImportField.Email, "ana.portal@example.com");

        await As(PortalRoles.Manager).KeepPortalAsync([conflictId], TestContext.Current.CancellationToken);

        var client = await LoadAsync(clientId);
        (client.Email, client.XpmLink!.PendingSyncFields).ShouldBe(("ana.portal@example.com", "Email"));
        // XPM's value is the new base: the next import sees XPM unchanged and the portal's change as pending, not a conflict.
        SyncBase.Parse(client.XpmLink.LastSyncedValues).Values.Email.ShouldBe("ana.xpm@example.com");
    }

    [Fact]
    public async Task EditAsync_TypedValue_ReplacesThePortalsAndIsPending()
    {
        var (clientId, conflictId) = await AddConflictAsync(ImportField.Phone, "021 111");

        await As(PortalRoles.Manager).EditAsync(conflictId, " 021 333 ", TestContext.Current.CancellationToken);

        var client = await LoadAsync(clientId);
        (client.Phone, client.XpmLink!.PendingSyncFields).ShouldBe(("021 333", "Phone"));
    }

    [Fact]
    public async Task KeepPortalAsync_Bulk_ResolvesEverySelectedConflict()
    {
        var (_, first) = await AddConflictAsync(ImportField.Email, "ana.portal@example.com");
        var second = await AddConflictForExistingAsync(ImportField.Phone, "021 111");

        var result = await As(PortalRoles.Manager).KeepPortalAsync([first, second], TestContext.Current.CancellationToken);

        result.Value.ShouldBe(2);
        (await OpenCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ListOpenAsync_AsStaff_IsRefused()
    {
        await AddConflictAsync(ImportField.Email, "ana.portal@example.com");

        var result = await As(PortalRoles.Staff).ListOpenAsync(TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<ManagersOnlyError>();
    }

    [Fact]
    public async Task ListOpenAsync_AsManager_ShowsBothValuesWithTheLastSyncedOne()
    {
        await AddConflictAsync(ImportField.Email, "ana.portal@example.com");

        var conflict = (await As(PortalRoles.Manager).ListOpenAsync(TestContext.Current.CancellationToken)).Value.ShouldHaveSingleItem();

        (conflict.ClientName, conflict.FieldLabel, conflict.BaseValue, conflict.PortalValue, conflict.XpmValue)
            .ShouldBe(("Ana Whitfield", "Email", "ana@kowhairidge.example", "ana.portal@example.com", "ana.xpm@example.com"));
    }

    [Fact]
    public async Task SetPolicyAsync_ThenGet_ReturnsItAndAskForTheRest()
    {
        var service = As(PortalRoles.Manager);

        await service.SetPolicyAsync(ImportField.Phone, ConflictPolicy.XpmWins, TestContext.Current.CancellationToken);
        await service.SetPolicyAsync(ImportField.Phone, ConflictPolicy.PortalWins, TestContext.Current.CancellationToken);

        var policies = (await service.GetPoliciesAsync(TestContext.Current.CancellationToken)).Value!;
        (policies[ImportField.Phone], policies[ImportField.Email]).ShouldBe((ConflictPolicy.PortalWins, ConflictPolicy.Ask));
    }

    private int _clientId;

    private async Task<(int ClientId, int ConflictId)> AddConflictAsync(ImportField field, string portalValue)
    {
        var portal = field == ImportField.Email ? Base with { Email = portalValue } : Base with { Phone = portalValue };
        await using var db = _db.CreateDbContext();
        var client = new Client
        {
            PracticeId = _db.PracticeId, Name = "Ana Whitfield", Email = portal.Email, Phone = portal.Phone,
            XpmLink = new XpmLink { XpmUuid = Guid.NewGuid(), LinkedAt = DateTime.UtcNow, LastSyncedValues = SyncBase.None.AgreeWhereEqual(Base, Base).ToJson() },
        };
        db.Clients.Add(client);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        _clientId = client.Id;
        return (client.Id, await AddConflictForExistingAsync(field, portalValue));
    }

    private async Task<int> AddConflictForExistingAsync(ImportField field, string portalValue)
    {
        await using var db = _db.CreateDbContext();
        var conflict = new SyncConflict
        {
            PracticeId = _db.PracticeId, ClientId = _clientId, Field = field,
            BaseValue = SyncFields.Display(Base, field), PortalValue = portalValue, XpmValue = SyncFields.Display(Xpm, field),
            XpmValuesJson = System.Text.Json.JsonSerializer.Serialize(Xpm), DetectedAt = DateTime.UtcNow,
        };
        db.Add(conflict);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return conflict.Id;
    }

    private async Task<Client> LoadAsync(int id)
    {
        await using var db = _db.CreateDbContext();
        return await db.Clients.AsNoTracking().SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
    }

    private async Task<int> OpenCountAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Set<SyncConflict>().CountAsync(c => c.ResolvedAt == null, TestContext.Current.CancellationToken);
    }
}
