using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.Xpm;
using Portal.Infrastructure;

namespace Portal.Clients;

public sealed class ClientServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private FakeCurrentUser _user = null!;
    private ClientService _service = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _user = FakeCurrentUser.Staff(_db.PracticeId);
        _service = new ClientService(_db, _user, _time, Options.Create(new XpmOptions { WebHost = "xpm.practice.example" }));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task CreateAsync_Person_SavesTheClientAndAnAuditEntry()
    {
        var input = new NewClient { FirstName = " Ana ", LastName = "Whitfield", Email = "ana@example.com", Phone = "021 555 0199", City = "Hastings" };

        var result = await _service.CreateAsync(input, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeTrue();
        await using var db = _db.CreateDbContext();
        var client = await db.Clients.SingleAsync(c => c.Id == result.Value, TestContext.Current.CancellationToken);
        client.Name.ShouldBe("Ana Whitfield");
        client.Kind.ShouldBe(ClientKind.Person);
        client.BusinessStructure.ShouldBe("Individual");
        client.PhysicalAddress.City.ShouldBe("Hastings");
        client.CreatedAt.ShouldBe(_time.GetUtcNow().UtcDateTime);
        var audit = await db.AuditEntries.SingleAsync(TestContext.Current.CancellationToken);
        (audit.RecordId, audit.Source, audit.ChangedBy).ShouldBe((client.Id, AuditSource.PortalEdit, "staff@test.example"));
    }

    [Fact]
    public async Task CreateAsync_EntityWithoutStructure_IsRefusedWithAReason()
    {
        var result = await _service.CreateAsync(new NewClient { Kind = ClientKind.Entity, EntityName = "Kowhai Ridge Orchards Ltd" }, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeFalse();
        result.Error!.Message.ShouldContain("business structure");
        await using var db = _db.CreateDbContext();
        (await db.Clients.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task CreateAsync_BadEmail_IsRefused()
    {
        var result = await _service.CreateAsync(new NewClient { FirstName = "Ana", Email = "not-an-email" }, TestContext.Current.CancellationToken);

        result.Error!.Message.ShouldContain("valid email");
    }

    [Fact]
    public async Task CreateAsync_InputTheFormWouldRefuse_IsRefusedWithTheSameMessagesAndNothingSaved()
    {
        var input = new NewClient { FirstName = new string('a', 101), Email = "ana @example.com" };

        var result = await _service.CreateAsync(input, TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<ClientInvalidError>().Problems.ShouldBe(
            ["First name can be at most 100 characters.", "Enter a valid email address, like name@example.com."], ignoreOrder: true);
        await using var db = _db.CreateDbContext();
        (await db.Clients.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task SearchAsync_Term_MatchesNameEmailOrPhoneAndPages()
    {
        foreach (var name in new[] { "Ana Whitfield", "Bob O'Neill", "Chloé Dubois", "Dan & Sons Ltd" })
        {
            await _service.CreateAsync(new NewClient { FirstName = name, Email = $"{name.Split(' ')[0].ToLowerInvariant()}@example.com" }, TestContext.Current.CancellationToken);
        }

        var byName = await _service.SearchAsync(new ClientQuery("o'neill"), TestContext.Current.CancellationToken);
        var byEmail = await _service.SearchAsync(new ClientQuery("chloé@"), TestContext.Current.CancellationToken);
        var page = await _service.SearchAsync(new ClientQuery(Page: 1, PageSize: 3), TestContext.Current.CancellationToken);

        byName.Items.Select(c => c.Name).ShouldBe(["Bob O'Neill"]);
        byEmail.Items.Select(c => c.Name).ShouldBe(["Chloé Dubois"]);
        (page.TotalCount, page.Items.Count, page.Items[0].Name).ShouldBe((4, 1, "Dan & Sons Ltd"));
    }

    [Fact]
    public async Task OpenAsync_ByStaff_ClearsTheNewBadge()
    {
        var id = await AddLinkedClientAsync(isNew: true);

        var details = await _service.OpenAsync(id, TestContext.Current.CancellationToken);

        details.Value!.XpmLink.ShouldNotBeNull();
        var summary = await _service.SearchAsync(new ClientQuery(), TestContext.Current.CancellationToken);
        summary.Items.Single().IsNew.ShouldBeFalse();
        summary.Items.Single().IsLinked.ShouldBeTrue();
    }

    [Theory]
    [InlineData("https://practicemanager.xero.com/Client/4400001/Detail", true)]
    [InlineData("https://xpm.practice.example/Client/1", true)]
    [InlineData("javascript:alert(document.cookie)", false)]
    [InlineData("https://evil.example/Client/1", false)]
    public async Task OpenAsync_XpmWebUrl_IsALinkOnlyOnXeroOrTheConfiguredHost(string webUrl, bool expectLink)
    {
        var id = await AddLinkedClientAsync(isNew: false, webUrl);

        var details = await _service.OpenAsync(id, TestContext.Current.CancellationToken);

        var link = details.Value!.XpmLink!;
        link.WebUrl.ShouldBe(webUrl);
        (link.WebLink is not null).ShouldBe(expectLink);
    }

    [Fact]
    public async Task GetMineAsync_AsClient_ReturnsTeamAndRelatedEntities()
    {
        var personId = await AddLinkedClientAsync(isNew: false);
        await using (var db = _db.CreateDbContext())
        {
            var staff = new Portal.Core.Staff.StaffMember { PracticeId = _db.PracticeId, Name = "Mere Tautahi", Email = "mere@practice.example" };
            var entity = new Client { PracticeId = _db.PracticeId, Name = "Kowhai Ridge Orchards Ltd", Kind = ClientKind.Entity, BusinessStructure = "Company" };
            db.AddRange(staff, entity);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.TeamMembers.Add(new TeamMember { ClientId = personId, StaffMemberId = staff.Id, Role = TeamRole.AccountManager });
            db.Relationships.Add(new Relationship { PracticeId = _db.PracticeId, EntityId = entity.Id, RelatedClientId = personId, Type = "Director" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        _user.User = FakeCurrentUser.Client(_db.PracticeId, personId).User;

        var mine = await _service.GetMineAsync(TestContext.Current.CancellationToken);

        mine.Value!.Team.ShouldHaveSingleItem().Name.ShouldBe("Mere Tautahi");
        mine.Value.Relationships.ShouldHaveSingleItem().ShouldBe(new RelationshipDetails(mine.Value.Relationships[0].OtherClientId, "Kowhai Ridge Orchards Ltd", ClientKind.Entity, "Director"));
    }

    [Fact]
    public async Task OpenAsync_ClientOfAnotherPractice_IsNotFound()
    {
        var id = await AddLinkedClientAsync(isNew: false);
        _user.User = _user.User with { PracticeId = _db.PracticeId + 1 };

        var result = await _service.OpenAsync(id, TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<ClientNotFoundError>();
    }

    private async Task<int> AddLinkedClientAsync(bool isNew, string? webUrl = null)
    {
        await using var db = _db.CreateDbContext();
        var client = new Client
        {
            PracticeId = _db.PracticeId,
            Name = "Ana Whitfield",
            XpmLink = new XpmLink { XpmUuid = Guid.NewGuid(), LinkedAt = DateTime.UtcNow, IsNew = isNew, WebUrl = webUrl },
        };
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    }
}
