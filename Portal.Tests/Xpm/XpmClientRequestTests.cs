using System.Globalization;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Models;

namespace Portal.Xpm;

/// <summary>What each call puts on the wire: method, URL, headers and body.</summary>
public sealed class XpmClientRequestTests : IAsyncDisposable
{
    private readonly XpmTestHost _host = XpmTestHost.Create();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static async Task<List<T>> DrainAsync<T>(XpmStream<T> stream)
    {
        var items = new List<T>();
        await using (stream)
        {
            await foreach (var item in stream)
            {
                items.Add(item);
            }
        }

        return items;
    }

    [Fact]
    public async Task GetClientsAsync_DetailedSince_SendsGetWithBearerTenantAndModifiedSince()
    {
        _host.Handler.ReplyFixture("client-list-detailed.xml");

        var opened = await _host.Client.GetClientsAsync(true, new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc), TestContext.Current.CancellationToken);
        var clients = await DrainAsync(opened.Value!);

        clients.Count.ShouldBe(3);
        var request = _host.Handler.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Get);
        request.Uri.GetLeftPart(UriPartial.Path).ShouldBe(XpmTestHost.BaseUrl + "client.api/list");
        Uri.UnescapeDataString(request.Uri.Query).ShouldBe("?detailed=true&modifiedsince=2026-01-31T00:00:00");
        request.Authorization.ShouldBe("Bearer token-1");
        request.TenantId.ShouldBe(FakeXpmTokenSource.TenantId);
        request.Body.ShouldBeNull();
    }

    [Fact]
    public async Task GetClientsAsync_LocalModifiedSince_IsSentAsUtc()
    {
        _host.Handler.ReplyFixture("empty-list-self-closing.xml");
        var local = new DateTime(2026, 3, 1, 13, 30, 15, DateTimeKind.Local);

        var opened = await _host.Client.GetClientsAsync(true, local, TestContext.Current.CancellationToken);
        await DrainAsync(opened.Value!);

        var expected = local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        Uri.UnescapeDataString(_host.Handler.Requests.Single().Uri.Query).ShouldBe($"?detailed=true&modifiedsince={expected}");
    }

    [Fact]
    public async Task GetClientsAsync_NotDetailedWithoutDate_SendsNoQuery()
    {
        _host.Handler.ReplyFixture("client-list-compact.xml");

        var opened = await _host.Client.GetClientsAsync(detailed: false, cancellationToken: TestContext.Current.CancellationToken);
        var clients = await DrainAsync(opened.Value!);

        clients.Count.ShouldBe(2);
        _host.Handler.Requests.Single().PathAndQuery.ShouldBe("/practicemanager/3.1/client.api/list");
    }

    [Fact]
    public async Task GetStaffAsync_StreamsStaffList()
    {
        _host.Handler.ReplyFixture("staff-list.xml");

        var opened = await _host.Client.GetStaffAsync(TestContext.Current.CancellationToken);
        var staff = await DrainAsync(opened.Value!);

        staff.Select(s => s.Name).ShouldBe(["Mere Tautahi", "Tom Brightwater"]);
        _host.Handler.Requests.Single().PathAndQuery.ShouldBe("/practicemanager/3.1/staff.api/list");
    }

    [Fact]
    public async Task GetStaffMemberAsync_Uuid_GetsItByLowerCaseUuid()
    {
        _host.Handler.ReplyFixture("staff-get.xml");

        var staff = await _host.Client.GetStaffMemberAsync(Guid.Parse("42910477-1971-4AFA-B421-B97A6C531AAB"), TestContext.Current.CancellationToken);

        staff.Value!.Name.ShouldBe("Mere Tautahi");
        _host.Handler.Requests.Single().PathAndQuery.ShouldBe("/practicemanager/3.1/staff.api/get/42910477-1971-4afa-b421-b97a6c531aab");
    }

    [Fact]
    public async Task GetClientAsync_Uuid_GetsTheDetailedClient()
    {
        _host.Handler.ReplyFixture("client-get.xml");

        var client = await _host.Client.GetClientAsync(Guid.Parse("3c9a1e7b-2d4f-4a6b-8c0d-1e2f3a4b5c6d"), TestContext.Current.CancellationToken);

        client.Value!.Name.ShouldBe("Tasman Dental Group");
        _host.Handler.Requests.Single().PathAndQuery.ShouldBe("/practicemanager/3.1/client.api/get/3c9a1e7b-2d4f-4a6b-8c0d-1e2f3a4b5c6d");
    }

    [Fact]
    public async Task GetClientGroupsAsync_StreamsGroups()
    {
        _host.Handler.ReplyFixture("groups-list.xml");

        var opened = await _host.Client.GetClientGroupsAsync(TestContext.Current.CancellationToken);
        var groups = await DrainAsync(opened.Value!);

        groups.Count.ShouldBe(4);
        _host.Handler.Requests.Single().PathAndQuery.ShouldBe("/practicemanager/3.1/clientgroup.api/list");
    }

    [Fact]
    public async Task GetClientGroupAsync_Uuid_GetsTheGroupWithMembers()
    {
        _host.Handler.ReplyFixture("group-get.xml");

        var group = await _host.Client.GetClientGroupAsync(Guid.Parse("5ca908bb-36d5-4b41-bb29-a5fe9b454272"), TestContext.Current.CancellationToken);

        group.Value!.Clients.Count.ShouldBe(2);
        _host.Handler.Requests.Single().PathAndQuery.ShouldBe("/practicemanager/3.1/clientgroup.api/get/5ca908bb-36d5-4b41-bb29-a5fe9b454272");
    }

    [Fact]
    public async Task UpdateClientAsync_ChangedFields_PutsClientXmlWithRequestSpellings()
    {
        _host.Handler.ReplyFixture("client-update-reply.xml");
        var update = new XpmClientUpdate
        {
            Uuid = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb"),
            Name = "Kowhai Ridge Orchards Ltd",
            Email = "accounts@kowhairidge.example",
            Phone = "06 555 0150",
            Website = "https://kowhairidge.example",
            AccountManagerUuid = Guid.Parse("42910477-1971-4afa-b421-b97a6c531aab"),
            BusinessStructure = "Company",
        };

        var result = await _host.Client.UpdateClientAsync(update, TestContext.Current.CancellationToken);

        result.Value!.Website.ShouldBe("https://kowhairidge.example");
        var request = _host.Handler.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Put);
        request.PathAndQuery.ShouldBe("/practicemanager/3.1/client.api/update");
        request.ContentType.ShouldBe("application/xml; charset=utf-8");
        request.Body.ShouldBe(
            "<Client><UUID>869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb</UUID><Name>Kowhai Ridge Orchards Ltd</Name>"
            + "<Email>accounts@kowhairidge.example</Email><Phone>06 555 0150</Phone><WebSite>https://kowhairidge.example</WebSite>"
            + "<AccountManagerUUID>42910477-1971-4afa-b421-b97a6c531aab</AccountManagerUUID><BusinessStructure>Company</BusinessStructure></Client>");
        request.Body!.ShouldNotContain("<Website>", Case.Sensitive);
        request.Body!.ShouldNotContain("<AccountManager>", Case.Sensitive);
    }

    [Fact]
    public async Task AddClientAsync_NewClientWithContact_PostsClientXml()
    {
        _host.Handler.ReplyFixture("client-add-reply.xml");
        var client = new XpmNewClient
        {
            Name = "Harbourside Brewing Co",
            JobManagerUuid = Guid.Parse("b7a0d4e2-5c1f-4f0a-9d3e-2a6c8e1f4b90"),
            IsProspect = false,
            Contacts = [new XpmContactUpdate { Name = "Rua Harbour", Email = "rua@harbourside.example", Position = "Owner", IsPrimary = true }],
        };

        var result = await _host.Client.AddClientAsync(client, TestContext.Current.CancellationToken);

        result.Value!.Uuid.ShouldBe(Guid.Parse("8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d"));
        var request = _host.Handler.Requests.ShouldHaveSingleItem();
        (request.Method, request.PathAndQuery).ShouldBe((HttpMethod.Post, "/practicemanager/3.1/client.api/add"));
        request.Body.ShouldBe(
            "<Client><Name>Harbourside Brewing Co</Name><IsProspect>No</IsProspect>"
            + "<JobManagerUUID>b7a0d4e2-5c1f-4f0a-9d3e-2a6c8e1f4b90</JobManagerUUID>"
            + "<Contacts><Contact><Name>Rua Harbour</Name><Email>rua@harbourside.example</Email><Position>Owner</Position><IsPrimary>Yes</IsPrimary></Contact></Contacts></Client>");
    }

    [Fact]
    public async Task UpdateContactAsync_WithClientLink_PutsContactWithClientUuidPositionAndPrimary()
    {
        _host.Handler.ReplyFixture("contact-reply.xml");
        var contact = new XpmContactUpdate
        {
            Name = "Ana Whitfield",
            Mobile = "021 555 0100",
            Email = "ana.w@kowhairidge.example",
            ClientUuid = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb"),
            Position = "Managing Director",
            IsPrimary = true,
        };

        var result = await _host.Client.UpdateContactAsync(Guid.Parse("594d8ce0-17dc-4af3-9b80-e0f5aa780f60"), contact, TestContext.Current.CancellationToken);

        result.Value!.Position.ShouldBe("Managing Director");
        var request = _host.Handler.Requests.ShouldHaveSingleItem();
        (request.Method, request.PathAndQuery).ShouldBe((HttpMethod.Put, "/practicemanager/3.1/client.api/contact/594d8ce0-17dc-4af3-9b80-e0f5aa780f60"));
        request.Body.ShouldBe(
            "<Contact><Name>Ana Whitfield</Name><Mobile>021 555 0100</Mobile><Email>ana.w@kowhairidge.example</Email>"
            + "<Client><UUID>869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb</UUID></Client><Position>Managing Director</Position><IsPrimary>Yes</IsPrimary></Contact>");
    }

    [Fact]
    public async Task AddContactAsync_ForClient_PostsContactWithClientUuid()
    {
        _host.Handler.ReplyFixture("contact-reply.xml");
        var contact = new XpmContactUpdate { Name = "Ana Whitfield", ClientUuid = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb") };

        var result = await _host.Client.AddContactAsync(contact, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeTrue();
        var request = _host.Handler.Requests.ShouldHaveSingleItem();
        (request.Method, request.PathAndQuery).ShouldBe((HttpMethod.Post, "/practicemanager/3.1/client.api/contact"));
        request.Body.ShouldBe("<Contact><Name>Ana Whitfield</Name><Client><UUID>869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb</UUID></Client></Contact>");
    }

    [Fact]
    public async Task AddContactAsync_WithoutClient_ThrowsBeforeSending()
    {
        await Should.ThrowAsync<ArgumentException>(() =>
            _host.Client.AddContactAsync(new XpmContactUpdate { Name = "Nobody's" }, TestContext.Current.CancellationToken));

        _host.Handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task UpdateContactAsync_PositionWithoutClient_ThrowsBeforeSending()
    {
        await Should.ThrowAsync<ArgumentException>(() => _host.Client.UpdateContactAsync(
            Guid.NewGuid(), new XpmContactUpdate { Position = "Director" }, TestContext.Current.CancellationToken));

        _host.Handler.Requests.ShouldBeEmpty();
    }
}
