using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.Import.Plan;
using Portal.Core.Sync;
using Portal.Core.Xpm;
using Portal.Infrastructure;

namespace Portal.Clients;

/// <summary>Staff editing a client: audit, and pending sync on a client linked to XPM.</summary>
public sealed class ClientServiceUpdateTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ClientService _service = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _service = new ClientService(_db, FakeCurrentUser.Staff(_db.PracticeId), _time, Options.Create(new XpmOptions()));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task UpdateAsync_LinkedClientEmailChanged_MarksEmailPendingSyncAndAudits()
    {
        var id = await AddLinkedAnaAsync();

        var result = await _service.UpdateAsync(id, Edit(email: "ana.w@example.com"), TestContext.Current.CancellationToken);

        result.Value.ShouldBeTrue();
        var client = await LoadAsync(id);
        (client.Email, client.XpmLink!.PendingSyncFields).ShouldBe(("ana.w@example.com", "Email"));
        await using var db = _db.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        (audit.Field, audit.OldValue, audit.NewValue, audit.Source).ShouldBe(("Email", "ana@kowhairidge.example", "ana.w@example.com", AuditSource.PortalEdit));
    }

    [Fact]
    public async Task UpdateAsync_ChangedBackToTheLastSyncedValue_IsNoLongerPending()
    {
        var id = await AddLinkedAnaAsync();
        await _service.UpdateAsync(id, Edit(email: "ana.w@example.com"), TestContext.Current.CancellationToken);

        await _service.UpdateAsync(id, Edit(email: "ana@kowhairidge.example"), TestContext.Current.CancellationToken);

        (await LoadAsync(id)).XpmLink!.PendingSyncFields.ShouldBeNull();
    }

    [Fact]
    public async Task UpdateAsync_NothingChanged_WritesNothing()
    {
        var id = await AddLinkedAnaAsync();

        var result = await _service.UpdateAsync(id, Edit(email: "ana@kowhairidge.example"), TestContext.Current.CancellationToken);

        result.Value.ShouldBeFalse();
        await using var db = _db.CreateDbContext();
        (await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task UpdateAsync_UnlinkedClient_HasNothingPending()
    {
        await using var db = _db.CreateDbContext();
        var client = new Client { PracticeId = _db.PracticeId, Name = "Ana Whitfield", FirstName = "Ana", LastName = "Whitfield" };
        db.Clients.Add(client);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await _service.UpdateAsync(client.Id, Edit(phone: "021 555 0100"), TestContext.Current.CancellationToken);

        var saved = await LoadAsync(client.Id);
        (saved.Phone, saved.XpmLink).ShouldBe(("021 555 0100", (XpmLink?)null));
    }

    [Fact]
    public async Task UpdateAsync_UnknownClient_IsNotFound()
    {
        var result = await _service.UpdateAsync(999, Edit(), TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<ClientNotFoundError>();
    }

    private static NewClient Edit(string? email = "ana@kowhairidge.example", string? phone = "06 555 0142") =>
        new() { FirstName = "Ana", LastName = "Whitfield", Email = email, Phone = phone };

    private async Task<int> AddLinkedAnaAsync()
    {
        var values = new PortalClientValues { Name = "Ana Whitfield", FirstName = "Ana", LastName = "Whitfield", Email = "ana@kowhairidge.example", Phone = "06 555 0142" };
        await using var db = _db.CreateDbContext();
        var client = new Client
        {
            PracticeId = _db.PracticeId, Name = values.Name, FirstName = "Ana", LastName = "Whitfield", Email = values.Email, Phone = values.Phone,
            BusinessStructure = BusinessStructures.Individual,
            XpmLink = new XpmLink { XpmUuid = Guid.NewGuid(), LinkedAt = DateTime.UtcNow, LastSyncedValues = SyncBase.None.AgreeWhereEqual(values, values).ToJson() },
        };
        db.Clients.Add(client);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return client.Id;
    }

    private async Task<Client> LoadAsync(int id)
    {
        await using var db = _db.CreateDbContext();
        return await db.Clients.AsNoTracking().SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
    }
}
