using System.Diagnostics;
using Portal.Core.Common;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Models;
using Portal.XpmSandbox;

namespace Portal.Xpm.Connection;

/// <summary>
/// The real <see cref="XpmClient"/> against the embedded sandbox over HTTP: OAuth token, XML parsing and the
/// resilience pipeline all on. The portal is shared by the class, so each test uses its own records where it writes.
/// </summary>
public sealed class XpmClientOverSandboxTests : IClassFixture<ConnectedSandboxPortal>
{
    private readonly SandboxPortal _portal;
    private readonly IXpmClient _xpm;
    private readonly ConnectedSandboxPortal _fixture;

    public XpmClientOverSandboxTests(ConnectedSandboxPortal fixture)
    {
        _fixture = fixture;
        _portal = fixture.Portal;
        _xpm = fixture.Xpm;
        // Runs before every test: a fault injected (or left unused) by one test must not hit the next.
        _portal.Faults.Reset();
    }

    private SandboxPracticeState Store => _portal.Practice.Current;

    private SandboxClient StoredClient(string name) => Store.Clients.Single(c => c.Name == name);

    private static async Task<List<T>> ReadAllAsync<T>(Task<Result<XpmStream<T>>> call)
    {
        var result = await call;
        result.Error.ShouldBeNull();
        var items = new List<T>();
        await foreach (var item in result.Value!)
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task GetStaffAsync_StreamsEveryStaffMember()
    {
        var expected = Store.Staff.Select(s => s.Uuid).ToList();

        var staff = await ReadAllAsync(_xpm.GetStaffAsync(CancellationToken.None));

        staff.Select(s => s.Uuid).ShouldBe(expected);
        var mere = staff.Single(s => s.Uuid == SandboxWellKnown.MereTautahi);
        mere.Name.ShouldBe(SandboxWellKnown.MereTautahiName);
        mere.Email.ShouldBe(Store.Staff.Find(SandboxWellKnown.MereTautahi)!.Email);
        mere.WebUrl.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task GetStaffMemberAsync_KnownUuid_ReturnsThatStaffMember()
    {
        var stored = Store.Staff.Find(SandboxWellKnown.SioneFifita)!;

        var result = await _xpm.GetStaffMemberAsync(SandboxWellKnown.SioneFifita, CancellationToken.None);

        result.Error.ShouldBeNull();
        var sione = result.Value!;
        (sione.Uuid, sione.Name, sione.Email).ShouldBe((stored.Uuid, SandboxWellKnown.SioneFifitaName, stored.Email));
        sione.WebUrl.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task GetClientsAsync_Detailed_StreamsEveryClientIncludingArchivedAndDeleted()
    {
        var expected = Store.Clients.Select(c => c.Uuid).ToList();

        var clients = await ReadAllAsync(_xpm.GetClientsAsync(detailed: true));

        clients.Select(c => c.Uuid).ShouldBe(expected);
        clients.Single(c => c.Name == SandboxWellKnown.ArchivedClient).IsArchived.ShouldBeTrue();
        clients.Single(c => c.Name == SandboxWellKnown.DeletedClient).IsDeleted.ShouldBeTrue();
        clients.Single(c => c.Name == SandboxWellKnown.ProspectClient).IsProspect.ShouldBeTrue();
        clients.Count(c => c.IsArchived || c.IsDeleted).ShouldBe(Store.Clients.Count(c => c.IsArchived || c.IsDeleted));
    }

    [Fact]
    public async Task GetClientsAsync_Detailed_ParsesKowhaiRidgesManagersContactsGroupsAndRelationships()
    {
        var clients = await ReadAllAsync(_xpm.GetClientsAsync(detailed: true));

        var kowhai = clients.Single(c => c.Uuid == SandboxWellKnown.KowhaiRidgeOrchards);
        kowhai.Name.ShouldBe(SandboxWellKnown.KowhaiRidgeOrchardsName);
        kowhai.BusinessStructure.ShouldBe(SandboxBusinessStructures.Company);
        kowhai.AccountManager.ShouldBe(new XpmRef(SandboxWellKnown.MereTautahi, SandboxWellKnown.MereTautahiName));
        kowhai.JobManager.ShouldBe(new XpmRef(SandboxWellKnown.SioneFifita, SandboxWellKnown.SioneFifitaName));
        var ana = kowhai.Contacts.Single(c => c.Uuid == SandboxWellKnown.AnaWhitfieldContact);
        (ana.Name, ana.Position, ana.IsPrimary, ana.Email).ShouldBe((SandboxWellKnown.AnaWhitfieldName, "Director", true, SandboxWellKnown.AnaWhitfieldEmail));
        var bookkeeper = kowhai.Contacts.Single(c => c.Name == SandboxWellKnown.SharedBookkeeperContact);
        (bookkeeper.Position, bookkeeper.IsPrimary).ShouldBe(("Bookkeeper", false));
        kowhai.Groups.ShouldContain(new XpmRef(SandboxWellKnown.WhitfieldFamilyGroup, SandboxWellKnown.WhitfieldFamilyGroupName));
        var anaRef = new XpmRef(SandboxWellKnown.AnaWhitfield, SandboxWellKnown.AnaWhitfieldName);
        var director = kowhai.Relationships.Single(r => r.Uuid == SandboxWellKnown.AnaDirectorOfKowhai);
        (director.Type, director.RelatedClient, director.StartDate, director.EndDate).ShouldBe(("Director", anaRef, new DateOnly(2019, 4, 1), (DateOnly?)null));
        var shareholder = kowhai.Relationships.Single(r => r.Uuid == SandboxWellKnown.AnaShareholderOfKowhai);
        (shareholder.Type, shareholder.RelatedClient, shareholder.NumberOfShares).ShouldBe(("Shareholder", anaRef, (int?)500));
    }

    [Fact]
    public async Task GetClientsAsync_Detailed_ParsesAnaWhitfieldsSideOfHerRelationships()
    {
        var clients = await ReadAllAsync(_xpm.GetClientsAsync(detailed: true));

        var ana = clients.Single(c => c.Uuid == SandboxWellKnown.AnaWhitfield);
        (ana.FirstName, ana.LastName, ana.DateOfBirth).ShouldBe(("Ana", "Whitfield", (DateOnly?)new DateOnly(1978, 3, 14)));
        ana.AccountManager!.Uuid.ShouldBe(SandboxWellKnown.MereTautahi);
        ana.JobManager!.Uuid.ShouldBe(SandboxWellKnown.SioneFifita);
        ana.Groups.ShouldBe([new XpmRef(SandboxWellKnown.WhitfieldFamilyGroup, SandboxWellKnown.WhitfieldFamilyGroupName)]);
        var kowhaiRef = new XpmRef(SandboxWellKnown.KowhaiRidgeOrchards, SandboxWellKnown.KowhaiRidgeOrchardsName);
        var director = ana.Relationships.Single(r => r.Uuid == SandboxWellKnown.AnaDirectorOfKowhai);
        (director.Type, director.RelatedClient).ShouldBe(("Director of", kowhaiRef));
        var shareholder = ana.Relationships.Single(r => r.Uuid == SandboxWellKnown.AnaShareholderOfKowhai);
        (shareholder.Type, shareholder.RelatedClient, shareholder.NumberOfShares).ShouldBe(("Shareholder of", kowhaiRef, (int?)500));
    }

    [Fact]
    public async Task GetClientsAsync_ModifiedSince_ReturnsOnlyClientsChangedSinceThen()
    {
        // The generated clients were all modified before 2026; a change now is stamped with the app's clock.
        var changed = StoredClient(SandboxWellKnown.SiobhanONeill);
        var since = DateTime.UtcNow;
        _portal.Practice.UpdateClient(changed.Uuid, c => c with { Phone = "09 555 0111" });
        // XPM's modifiedsince has whole seconds: whatever this class changed in the same second comes back too.
        var expected = Store.Clients.Where(c => c.Modified >= since.AddTicks(-(since.Ticks % TimeSpan.TicksPerSecond))).Select(c => c.Uuid).ToList();

        var clients = await ReadAllAsync(_xpm.GetClientsAsync(detailed: true, modifiedSince: since));

        clients.Select(c => c.Uuid).ShouldBe(expected);
        clients.ShouldContain(c => c.Uuid == changed.Uuid && c.Phone == "09 555 0111");
        clients.ShouldNotContain(c => c.Uuid == SandboxWellKnown.KowhaiRidgeOrchards);
        clients.Count.ShouldBeLessThan(Store.Clients.Count / 2);
    }

    [Fact]
    public async Task GetClientAsync_KnownUuid_ReturnsTheDetailedClient()
    {
        var result = await _xpm.GetClientAsync(SandboxWellKnown.KowhaiRidgeOrchards, CancellationToken.None);

        result.Error.ShouldBeNull();
        var kowhai = result.Value!;
        (kowhai.Name, kowhai.Address, kowhai.City, kowhai.PostCode).ShouldBe((SandboxWellKnown.KowhaiRidgeOrchardsName, "14 Packhouse Road", "Hastings", "4120"));
        (kowhai.TaxNumber, kowhai.CompanyNumber, kowhai.GSTRegistered).ShouldBe(("******417", "7781234", (bool?)true));
        kowhai.Relationships.Select(r => r.Uuid).ShouldContain(SandboxWellKnown.AnaShareholderOfKowhai);
        kowhai.Contacts.Count.ShouldBe(2);
        kowhai.WebUrl.ShouldBe(StoredClient(SandboxWellKnown.KowhaiRidgeOrchardsName).WebUrl);
    }

    [Fact]
    public async Task GetClientGroupsAsync_ListsEveryGroupWithoutMembers()
    {
        var expected = Store.Groups.Select(g => g.Uuid).ToList();

        var groups = await ReadAllAsync(_xpm.GetClientGroupsAsync(CancellationToken.None));

        groups.Select(g => g.Uuid).ShouldBe(expected);
        var whitfield = groups.Single(g => g.Uuid == SandboxWellKnown.WhitfieldFamilyGroup);
        whitfield.Name.ShouldBe(SandboxWellKnown.WhitfieldFamilyGroupName);
        whitfield.Taxable.ShouldBe(Store.Groups.Find(SandboxWellKnown.WhitfieldFamilyGroup)!.Taxable);
        groups.ShouldAllBe(g => g.Clients.Count == 0);
    }

    [Fact]
    public async Task GetClientGroupAsync_WhitfieldFamily_ReturnsItsMembers()
    {
        var result = await _xpm.GetClientGroupAsync(SandboxWellKnown.WhitfieldFamilyGroup, CancellationToken.None);

        result.Error.ShouldBeNull();
        var group = result.Value!;
        group.Name.ShouldBe(SandboxWellKnown.WhitfieldFamilyGroupName);
        group.Clients.Select(c => c.Name).ShouldBe([SandboxWellKnown.KowhaiRidgeOrchardsName, SandboxWellKnown.AnaWhitfieldName, "Tom Whitfield"]);
        group.Clients[1].Uuid.ShouldBe(SandboxWellKnown.AnaWhitfield);
    }

    [Fact]
    public async Task UpdateClientAsync_NewEmailPhoneAndWebsite_AreStoredAndReturned()
    {
        var chloe = StoredClient(SandboxWellKnown.ChloeDubois);

        var result = await _xpm.UpdateClientAsync(
            new XpmClientUpdate { Uuid = chloe.Uuid, Email = "chloe@dubois.example", Phone = "09 555 0142", Website = "https://dubois.example" },
            CancellationToken.None);

        result.Error.ShouldBeNull();
        var stored = _portal.Practice.FindClient(chloe.Uuid)!;
        (stored.Email, stored.Phone, stored.Website).ShouldBe(("chloe@dubois.example", "09 555 0142", "https://dubois.example"));
        stored.Address.ShouldBe(chloe.Address);
        var reply = result.Value!;
        (reply.Uuid, reply.Name, reply.Email, reply.Phone, reply.Website).ShouldBe((chloe.Uuid, SandboxWellKnown.ChloeDubois, "chloe@dubois.example", "09 555 0142", "https://dubois.example"));
        reply.Address.ShouldBe("Apartment 5\n101 Customs Street East");
    }

    [Fact]
    public async Task AddClientAsync_NewClient_IsCreatedInXpmAndReturned()
    {
        var name = $"Harbour Lights Cafe {Guid.NewGuid():N}";
        var before = Store.Clients.Count;

        var result = await _xpm.AddClientAsync(
            new XpmNewClient
            {
                Name = name,
                Email = "hello@harbourlights.example",
                BusinessStructure = SandboxBusinessStructures.Company,
                AccountManagerUuid = SandboxWellKnown.MereTautahi,
                Contacts = [new XpmContactUpdate { Name = "Rangi Parata", Email = "rangi@harbourlights.example", Position = "Owner", IsPrimary = true }],
            },
            CancellationToken.None);

        result.Error.ShouldBeNull();
        var added = result.Value!;
        (added.Name, added.Email, added.AccountManager?.Uuid).ShouldBe((name, "hello@harbourlights.example", (Guid?)SandboxWellKnown.MereTautahi));
        var contact = added.Contacts.ShouldHaveSingleItem();
        (contact.Name, contact.Position, contact.IsPrimary).ShouldBe(("Rangi Parata", "Owner", true));
        Store.Clients.Count.ShouldBe(before + 1);
        var stored = _portal.Practice.FindClient(added.Uuid).ShouldNotBeNull();
        (stored.Name, stored.BusinessStructure).ShouldBe((name, SandboxBusinessStructures.Company));
        Store.Contacts.Find(contact.Uuid!.Value)!.Email.ShouldBe("rangi@harbourlights.example");
    }

    [Fact]
    public async Task AddContactAsync_ToAClient_CreatesTheContactAndLinksIt()
    {
        var plumbing = StoredClient("Mike Turner Plumbing");

        var result = await _xpm.AddContactAsync(
            new XpmContactUpdate { ClientUuid = plumbing.Uuid, Name = "Hemi Walker", Mobile = "022 555 0177", Email = "hemi@turnerplumbing.example", Position = "Apprentice" },
            CancellationToken.None);

        result.Error.ShouldBeNull();
        var added = result.Value!;
        (added.Name, added.Mobile, added.Email, added.Position, added.IsPrimary).ShouldBe(("Hemi Walker", "022 555 0177", "hemi@turnerplumbing.example", "Apprentice", false));
        var uuid = added.Uuid.ShouldNotBeNull();
        Store.Contacts.Find(uuid)!.Name.ShouldBe("Hemi Walker");
        _portal.Practice.FindClient(plumbing.Uuid)!.Contacts.ShouldContain(l => l.ContactUuid == uuid && l.Position == "Apprentice" && !l.IsPrimary);
    }

    [Fact]
    public async Task UpdateContactAsync_ChangesTheContactAndItsLinkToTheClient()
    {
        var trust = StoredClient("Turner Super Fund");
        var contact = _portal.Practice.AddContact(trust.Uuid, new SandboxContact(Guid.Empty, "Ivy Turner", "", "ivy@old.example", "", "Ivy", ""), "Member", isPrimary: false)!;

        var result = await _xpm.UpdateContactAsync(
            contact.Uuid,
            new XpmContactUpdate { Email = "ivy@turner.example", Phone = "07 555 0160", ClientUuid = trust.Uuid, Position = "Trustee", IsPrimary = true },
            CancellationToken.None);

        result.Error.ShouldBeNull();
        var reply = result.Value!;
        (reply.Uuid, reply.Name, reply.Email, reply.Phone, reply.Position, reply.IsPrimary).ShouldBe(((Guid?)contact.Uuid, "Ivy Turner", "ivy@turner.example", "07 555 0160", "Trustee", true));
        var stored = Store.Contacts.Find(contact.Uuid)!;
        (stored.Email, stored.Phone, stored.Salutation).ShouldBe(("ivy@turner.example", "07 555 0160", "Ivy"));
        _portal.Practice.FindClient(trust.Uuid)!.Contacts.ShouldContain(l => l.ContactUuid == contact.Uuid && l.Position == "Trustee" && l.IsPrimary);
    }

    [Fact]
    public async Task GetClientAsync_UnknownUuid_ReturnsXpmApplicationErrorFromTheHttp200ErrorReply()
    {
        var result = await _xpm.GetClientAsync(Guid.NewGuid(), CancellationToken.None);

        var error = result.Error.ShouldBeOfType<XpmApplicationError>();
        (error.Description, error.StatusCode).ShouldBe(("Client not found", 200));
    }

    [Fact]
    public async Task GetClientAsync_After429WithRetryAfter_WaitsItOutAndSucceeds()
    {
        _portal.Faults.RetryAfter = TimeSpan.FromSeconds(1);
        _portal.Faults.InjectNext(SandboxFaultKind.TooManyRequests);
        var watch = Stopwatch.StartNew();

        var result = await _xpm.GetClientAsync(SandboxWellKnown.AnaWhitfield, CancellationToken.None);

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        result.Error.ShouldBeNull();
        result.Value!.Name.ShouldBe(SandboxWellKnown.AnaWhitfieldName);
        _portal.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task GetClientAsync_429AskingForALongerWaitThanMaxRetryAfter_FailsWithXpmRateLimitedError()
    {
        // Xpm:MaxRetryAfter defaults to 2 minutes: a 3-minute Retry-After (the daily limit, say) is not waited out.
        _portal.Faults.RetryAfter = TimeSpan.FromMinutes(3);
        _portal.Faults.InjectNext(SandboxFaultKind.TooManyRequests);

        var result = await _xpm.GetClientAsync(SandboxWellKnown.AnaWhitfield, CancellationToken.None);

        var error = result.Error.ShouldBeOfType<XpmRateLimitedError>();
        (error.RetryAfter, error.Problem).ShouldBe(((TimeSpan?)TimeSpan.FromMinutes(3), "minute"));
        _fixture.Quota.Current.LastOutcome.ShouldBe("429 TooManyRequests (minute limit)");
    }

    [Theory]
    [InlineData(SandboxFaultKind.InternalServerError)]
    [InlineData(SandboxFaultKind.ServiceUnavailable)]
    public async Task GetClientAsync_AfterOneServerError_IsRetriedAndSucceeds(SandboxFaultKind kind)
    {
        _portal.Faults.InjectNext(kind);

        var result = await _xpm.GetClientAsync(SandboxWellKnown.AnaWhitfield, CancellationToken.None);

        result.Error.ShouldBeNull();
        result.Value!.Email.ShouldBe(SandboxWellKnown.AnaWhitfieldEmail);
        _portal.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task AddClientAsync_When500_IsNotRetriedAndFailsSayingSo()
    {
        var name = $"Never Twice Ltd {Guid.NewGuid():N}";
        _portal.Faults.InjectNext(SandboxFaultKind.InternalServerError, endpoint: "client.api/add");

        var result = await _xpm.AddClientAsync(new XpmNewClient { Name = name }, CancellationToken.None);

        var error = result.Error.ShouldBeOfType<XpmUnavailableError>();
        error.Reason.ShouldContain("HTTP 500");
        error.Reason.ShouldContain("not retried");
        _portal.Faults.Pending.ShouldBe(0);
        Store.Clients.Count(c => c.Name == name).ShouldBe(0);
    }

    [Theory]
    [InlineData(SandboxFaultKind.MalformedXml, "malformed XML at line 1", false)]
    [InlineData(SandboxFaultKind.TruncatedXml, "the reply ended after", true)]
    public async Task GetClientAsync_BrokenXml_ReturnsXpmMalformedResponseError(SandboxFaultKind kind, string reason, bool cutOff)
    {
        _portal.Faults.InjectNext(kind);

        var result = await _xpm.GetClientAsync(SandboxWellKnown.AnaWhitfield, CancellationToken.None);

        var error = result.Error.ShouldBeOfType<XpmMalformedResponseError>();
        (error.Reason.StartsWith(reason, StringComparison.Ordinal), error.CutOff).ShouldBe((true, cutOff), error.Reason);
        _portal.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task GetClientsAsync_MalformedXml_ReturnsXpmMalformedResponseErrorBeforeStreaming()
    {
        _portal.Faults.InjectNext(SandboxFaultKind.MalformedXml);

        var result = await _xpm.GetClientsAsync(detailed: true);

        result.Error.ShouldBeOfType<XpmMalformedResponseError>();
        result.Value.ShouldBeNull();
    }

    [Fact]
    public async Task GetClientsAsync_TruncatedMidStream_ThrowsXpmExceptionRatherThanEndingTheListEarly()
    {
        _portal.Faults.InjectNext(SandboxFaultKind.TruncatedXml);
        var all = Store.Clients.Count;
        var result = await _xpm.GetClientsAsync(detailed: true);
        result.Error.ShouldBeNull();
        var read = 0;

        var thrown = await Should.ThrowAsync<XpmException>(async () =>
        {
            await foreach (var _ in result.Value!)
            {
                read++;
            }
        });

        thrown.Error.ShouldBeOfType<XpmMalformedResponseError>();
        read.ShouldBeGreaterThan(0);
        read.ShouldBeLessThan(all);
    }

    [Fact]
    public async Task GetClientAsync_ErrorReply_ReturnsXpmApplicationErrorWithTheDescription()
    {
        _portal.Faults.ErrorDescription = "The practice is being upgraded";
        _portal.Faults.InjectNext(SandboxFaultKind.ErrorReply);

        var result = await _xpm.GetClientAsync(SandboxWellKnown.AnaWhitfield, CancellationToken.None);

        var error = result.Error.ShouldBeOfType<XpmApplicationError>();
        error.Description.ShouldBe("The practice is being upgraded");
        error.Message.ShouldContain("The practice is being upgraded");
    }

    [Fact]
    public async Task AddClientAsync_ErrorReply_ReturnsXpmApplicationErrorAndCreatesNothing()
    {
        var name = $"Refused Holdings Ltd {Guid.NewGuid():N}";
        _portal.Faults.ErrorDescription = "Invalid staff identifier for add request";
        _portal.Faults.InjectNext(SandboxFaultKind.ErrorReply, endpoint: "client.api/add");

        var result = await _xpm.AddClientAsync(new XpmNewClient { Name = name }, CancellationToken.None);

        result.Error.ShouldBeOfType<XpmApplicationError>().Description.ShouldBe("Invalid staff identifier for add request");
        Store.Clients.Count(c => c.Name == name).ShouldBe(0);
    }

    [Fact]
    public async Task GetStaffAsync_ErrorReply_ReturnsXpmApplicationErrorInsteadOfAStream()
    {
        _portal.Faults.InjectNext(SandboxFaultKind.ErrorReply);

        var result = await _xpm.GetStaffAsync(CancellationToken.None);

        result.Error.ShouldBeOfType<XpmApplicationError>().Description.ShouldBe(SandboxFaults.DefaultErrorDescription);
    }

    [Fact]
    public async Task AnyCall_RecordsTheRemainingLimitsAndTheLastCall()
    {
        var started = DateTimeOffset.UtcNow;

        var result = await _xpm.GetStaffMemberAsync(SandboxWellKnown.MereTautahi, CancellationToken.None);

        result.Error.ShouldBeNull();
        var quota = _fixture.Quota.Current;
        quota.DayLimitRemaining.ShouldNotBeNull().ShouldBeGreaterThan(0);
        quota.MinuteLimitRemaining.ShouldNotBeNull().ShouldBeGreaterThan(0);
        quota.AppMinuteLimitRemaining.ShouldNotBeNull().ShouldBeGreaterThan(0);
        quota.LastCallPath.ShouldBe($"GET /sandbox/xpm/api/practicemanager/3.1/staff.api/get/{SandboxWellKnown.MereTautahi:D}");
        quota.LastOutcome.ShouldBe("200 OK");
        quota.LastCallAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(started);
    }
}
