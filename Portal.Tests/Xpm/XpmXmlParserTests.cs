using Portal.Core.Common;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Models;

namespace Portal.Xpm;

public sealed class XpmXmlParserTests
{
    private readonly XpmXmlParser _parser = new();

    private async Task<List<T>> ReadAllAsync<T>(Func<Stream, CancellationToken, Task<Result<XpmStream<T>>>> read, string fixture)
    {
        var opened = await read(XpmFixture.Open(fixture), TestContext.Current.CancellationToken);
        opened.Error.ShouldBeNull();
        await using var stream = opened.Value!;
        var items = new List<T>();
        await foreach (var item in stream)
        {
            items.Add(item);
        }

        return items;
    }

    private Task<List<XpmClientRecord>> ReadClientsAsync(string fixture) => ReadAllAsync<XpmClientRecord>(_parser.ReadClientsAsync, fixture);

    [Fact]
    public async Task ReadClientsAsync_DetailedList_MapsEveryField()
    {
        var clients = await ReadClientsAsync("client-list-detailed.xml");

        clients.Count.ShouldBe(3);
        var company = clients[0];
        company.Uuid.ShouldBe(Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb"));
        company.Name.ShouldBe("Kowhai Ridge Orchards Ltd");
        company.Email.ShouldBe("office@kowhairidge.example");
        (company.Address, company.City, company.Region, company.PostCode, company.Country)
            .ShouldBe(("14 Packhouse Road", "Hastings", "Hawke's Bay", "4120", "New Zealand"));
        (company.PostalAddress, company.PostalCity, company.PostalRegion, company.PostalPostCode, company.PostalCountry)
            .ShouldBe(("PO Box 310", "Hastings", null, "4156", null));
        (company.Phone, company.Fax, company.Website, company.ReferralSource, company.ExportCode).ShouldBe(("06 555 0142", null, null, null, "KRO01"));
        (company.IsProspect, company.IsArchived, company.IsDeleted).ShouldBe((false, false, false));
        company.AccountManager.ShouldBe(new XpmRef(Guid.Parse("42910477-1971-4afa-b421-b97a6c531aab"), "Mere Tautahi"));
        company.JobManager.ShouldBeNull();
        company.BillingClient.ShouldBeNull();
        (company.TaxNumber, company.CompanyNumber, company.BusinessNumber, company.BusinessStructure, company.GSTRegistered)
            .ShouldBe(("******417", "7781234", null, "Company", true));
        var contact = company.Contacts.ShouldHaveSingleItem();
        contact.ShouldBe(new XpmContact
        {
            Uuid = Guid.Parse("594d8ce0-17dc-4af3-9b80-e0f5aa780f60"),
            Name = "Ana Whitfield",
            Mobile = "021 555 0199",
            Email = "ana@kowhairidge.example",
            Salutation = "Ana",
            Addressee = "Ms A Whitfield",
            Position = "Director",
            IsPrimary = true,
        });
        company.Groups.ShouldBe([new XpmRef(Guid.Parse("5ca908bb-36d5-4b41-bb29-a5fe9b454272"), "Whitfield Family")]);
        company.Relationships.ShouldHaveSingleItem().ShouldBe(new XpmRelationship(
            Guid.Parse("6958dcee-ae8d-4fe0-9de7-db769e450f92"), "Shareholder",
            new XpmRef(Guid.Parse("43fdc385-d166-48e8-8919-370f806797ee"), "Ana Whitfield"),
            500, 0m, new DateOnly(2019, 4, 1), null));
        company.WebUrl.ShouldBe("https://practicemanager.xero.com/Client/4400001/Detail");
    }

    [Fact]
    public async Task ReadClientsAsync_Individual_ReadsPersonFieldsLinksAndRelationships()
    {
        var person = (await ReadClientsAsync("client-list-detailed.xml"))[1];

        (person.Title, person.Gender, person.FirstName, person.LastName, person.OtherName).ShouldBe(("Ms", "Female", "Ana", "Whitfield", "Annie"));
        person.DateOfBirth.ShouldBe(new DateOnly(1970, 11, 26));
        person.JobManager!.Name.ShouldBe("Tom Brightwater");
        person.BillingClient!.Uuid.ShouldBe(Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb"));
        person.BusinessStructure.ShouldBe("Individual");
        person.GSTRegistered.ShouldBeNull();
        person.Contacts.ShouldBeEmpty();
        person.Relationships.Count.ShouldBe(2);
        person.Relationships[0].Percentage.ShouldBeNull();
        person.Relationships[1].ShouldBe(new XpmRelationship(
            Guid.Parse("0e7c1f3a-94b2-4d6e-8a51-c2f9e8b7d6a4"), "Partner of",
            new XpmRef(Guid.Parse("d2c4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f"), "Whitfield & Brightwater Partnership"),
            null, 37.5m, new DateOnly(2015, 7, 1), new DateOnly(2024, 3, 31)));
    }

    [Fact]
    public async Task ReadClientsAsync_AddressWithLineFeeds_KeepsTheLines()
    {
        var person = (await ReadClientsAsync("client-list-detailed.xml"))[1];

        person.Address.ShouldBe("Flat 2\n22 Karamu Road North");
        person.PostalAddress.ShouldBe("c/o Kowhai Ridge Orchards\nPO Box 310");
    }

    [Fact]
    public async Task ReadClientsAsync_EscapedCarriageReturn_IsKept()
    {
        var client = (await ReadClientsAsync("client-list-quirks.xml"))[0];

        client.Address.ShouldBe("Unit 4\r\n9 Wharf Road");
    }

    [Fact]
    public async Task ReadClientsAsync_ArchivedAndDeletedClient_IsListedWithItsFlags()
    {
        var trust = (await ReadClientsAsync("client-list-detailed.xml"))[2];

        (trust.Name, trust.IsArchived, trust.IsDeleted, trust.GSTRegistered).ShouldBe(("Old Orchard Trust", true, true, false));
        trust.Email.ShouldBeNull();
    }

    [Fact]
    public async Task ReadClientsAsync_CompactThreeZeroShape_ReadsTrailingUuidAfterId()
    {
        var clients = await ReadClientsAsync("client-list-compact.xml");

        clients.Select(c => c.Uuid).ShouldBe([Guid.Parse("7d3f2a10-4b5c-4e6d-9f80-a1b2c3d4e5f6"), Guid.Parse("2b8e4c61-9a0d-4f3e-b7c5-d6e1f2a3b4c5")]);
        clients.Select(c => c.Name).ShouldBe(["Dan & Sons Ltd", "Dan & Sons Ltd"]);
    }

    [Fact]
    public async Task ReadClientsAsync_CompactThreeZeroShape_ReadsOmittedEmailAsNullAndKeepsUpperCase()
    {
        var clients = await ReadClientsAsync("client-list-compact.xml");

        clients[0].Email.ShouldBe("ACCOUNTS@DANSONS.EXAMPLE");
        clients[1].Email.ShouldBeNull();
        clients[1].TaxNumber.ShouldBeNull();
        clients[1].GSTRegistered.ShouldBeNull();
        clients[1].IsProspect.ShouldBeTrue();
    }

    [Fact]
    public async Task ReadClientsAsync_OpenCloseBlanks_AreNull()
    {
        var client = (await ReadClientsAsync("client-list-compact.xml"))[0];

        new[] { client.Address, client.City, client.PostalCountry, client.Phone, client.Fax, client.Website, client.TaxNumber }
            .ShouldAllBe(value => value == null);
    }

    [Fact]
    public async Task ReadClientsAsync_ThreeZeroContactsAndGroups_KeepContactWithoutUuidAndDropIdOnlyGroup()
    {
        var client = (await ReadClientsAsync("client-list-compact.xml"))[0];

        var contact = client.Contacts.ShouldHaveSingleItem();
        (contact.Uuid, contact.Name, contact.Position, contact.IsPrimary, contact.IsDeleted)
            .ShouldBe((null, "payables@dansons.example", "0", false, false));
        client.Groups.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadClientsAsync_ShuffledElementOrder_ReadsEveryField()
    {
        var client = (await ReadClientsAsync("client-list-quirks.xml"))[0];

        client.Uuid.ShouldBe(Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb"));
        (client.Name, client.Phone).ShouldBe(("Shuffled Order Ltd", "06 555 0111"));
        var relationship = client.Relationships.ShouldHaveSingleItem();
        relationship.RelatedClient.ShouldBe(new XpmRef(Guid.Parse("43fdc385-d166-48e8-8919-370f806797ee"), "Ana Whitfield"));
        relationship.Type.ShouldBe("Director");
    }

    [Fact]
    public async Task ReadClientsAsync_TrueFalseAndMixedCaseBooleans_AreRead()
    {
        var client = (await ReadClientsAsync("client-list-quirks.xml"))[0];

        (client.IsProspect, client.IsArchived, client.IsDeleted, client.GSTRegistered).ShouldBe((true, true, false, true));
        var contact = client.Contacts.ShouldHaveSingleItem();
        (contact.IsPrimary, contact.IsDeleted).ShouldBe((false, false));
    }

    [Fact]
    public async Task ReadClientsAsync_CompactDates_AreRead()
    {
        var client = (await ReadClientsAsync("client-list-quirks.xml"))[0];

        client.DateOfBirth.ShouldBe(new DateOnly(1970, 11, 26));
        var relationship = client.Relationships.ShouldHaveSingleItem();
        (relationship.StartDate, relationship.EndDate).ShouldBe((new DateOnly(2019, 4, 1), new DateOnly(2024, 3, 31)));
    }

    [Fact]
    public async Task ReadClientsAsync_EveryBlankSpellingAndWhitespaceOnly_IsNull()
    {
        var client = (await ReadClientsAsync("client-list-quirks.xml"))[0];

        // <City>   </City>, <Fax />, <Region/>, <PostCode></PostCode>, and <Country> left out.
        new[] { client.City, client.Fax, client.Region, client.PostCode, client.Country }.ShouldAllBe(value => value == null);
    }

    [Fact]
    public async Task ReadClientsAsync_BlankManagerLinks_AreNull()
    {
        var client = (await ReadClientsAsync("client-list-quirks.xml"))[0];

        client.AccountManager.ShouldBeNull();
        client.JobManager.ShouldBeNull();
    }

    [Fact]
    public async Task ReadClientsAsync_UpperCaseUuids_EqualLowerCase()
    {
        var client = (await ReadClientsAsync("client-list-quirks.xml"))[0];

        client.Contacts.ShouldHaveSingleItem().Uuid.ShouldBe(Guid.Parse("9dcb1f49-1bd5-414d-8b17-d5d3971ad2b8"));
        client.Relationships.ShouldHaveSingleItem().Uuid.ShouldBe(Guid.Parse("6958dcee-ae8d-4fe0-9de7-db769e450f92"));
    }

    [Fact]
    public async Task ReadClientsAsync_SameUuidWithDifferentNames_YieldsEachAsSent()
    {
        var clients = await ReadClientsAsync("client-list-quirks.xml");

        clients.Select(c => c.Contacts.Single().Name).ShouldBe(["Kiri Shuffle", "Kiri Shuffle-Jones"]);
        clients.Select(c => c.Groups.Single().Name).ShouldBe(["Family Group", "BBB"]);
    }

    [Fact]
    public async Task ReadClientsAsync_PagedList_SkipsPaginationAndReadsSummaryClients()
    {
        var page1 = await ReadClientsAsync("client-paged-list-page1.xml");
        var page2 = await ReadClientsAsync("client-paged-list-page2.xml");

        page1.Select(c => c.Name).ShouldBe(["Tasman Dental Group", "Karamu Motors Ltd"]);
        page1[0].AccountManager.ShouldBeNull();
        page1[1].JobManager!.Name.ShouldBe("Tom Brightwater");
        page1[0].Contacts.ShouldBeEmpty();
        page2.ShouldHaveSingleItem().Uuid.ShouldBe(page1[0].Uuid);
    }

    [Theory]
    [InlineData("empty-list-self-closing.xml")]
    [InlineData("empty-list-open-close.xml")]
    [InlineData("ok-without-payload.xml")]
    public async Task ReadClientsAsync_EmptyOrMissingList_YieldsNothing(string fixture)
    {
        var clients = await ReadClientsAsync(fixture);

        clients.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadClientsAsync_StatusError_ReturnsApplicationError()
    {
        var opened = await _parser.ReadClientsAsync(XpmFixture.Open("error-status.xml"), TestContext.Current.CancellationToken);

        opened.Error.ShouldBe(new XpmApplicationError("Client not found"));
    }

    [Fact]
    public async Task ReadClientAsync_DetailedGet_SkipsUnknownBlocksAndReadsContacts()
    {
        var result = await _parser.ReadClientAsync(XpmFixture.Open("client-get.xml"), TestContext.Current.CancellationToken);

        var client = result.Value.ShouldNotBeNull();
        client.Uuid.ShouldBe(Guid.Parse("3c9a1e7b-2d4f-4a6b-8c0d-1e2f3a4b5c6d"));
        client.Address.ShouldBe("Level 2\n88 Trafalgar Street");
        client.BusinessStructure.ShouldBe("Partnership");
        client.AccountManager!.Uuid.ShouldBe(client.JobManager!.Uuid);
        (client.AccountManager.Name, client.JobManager.Name).ShouldBe(("Account Partner", "Job Manager"));
        client.Contacts.Select(c => (c.Email, c.IsPrimary, c.IsDeleted))
            .ShouldBe([("PRIYA@TASMANDENTAL.EXAMPLE", true, false), ("sam@tasmandental.example", false, true)]);
        client.Relationships.ShouldBeEmpty();
        client.WebUrl.ShouldBe("https://practicemanager.xero.com/Client/4400010/Detail");
    }

    [Fact]
    public async Task ReadClientAsync_WebUrlUnderResponse_IsTakenForTheClient()
    {
        var result = await _parser.ReadClientAsync(XpmFixture.Open("client-get-weburl-in-response.xml"), TestContext.Current.CancellationToken);

        result.Value!.WebUrl.ShouldBe("https://practicemanager.xero.com/Client/4400002/Detail");
        result.Value.DateOfBirth.ShouldBe(new DateOnly(1970, 11, 26));
        result.Value.Contacts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("client-add-reply.xml", "8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d", "Harbourside Brewing Co")]
    [InlineData("client-update-reply.xml", "869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb", "Kowhai Ridge Orchards Ltd")]
    public async Task ReadClientAsync_AddAndUpdateReplies_AreRead(string fixture, string uuid, string name)
    {
        var result = await _parser.ReadClientAsync(XpmFixture.Open(fixture), TestContext.Current.CancellationToken);

        (result.Value!.Uuid, result.Value.Name).ShouldBe((Guid.Parse(uuid), name));
    }

    [Fact]
    public async Task ReadClientAsync_OkWithoutClient_IsMalformed()
    {
        var result = await _parser.ReadClientAsync(XpmFixture.Open("ok-without-payload.xml"), TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldContain("no <Client>");
    }

    [Fact]
    public async Task ReadStaffListAsync_StaffList_ReadsBlanksAndWebUrls()
    {
        var staff = await ReadAllAsync<XpmStaff>(_parser.ReadStaffListAsync, "staff-list.xml");

        staff.Count.ShouldBe(2);
        staff[0].ShouldBe(new XpmStaff
        {
            Uuid = Guid.Parse("42910477-1971-4afa-b421-b97a6c531aab"),
            Name = "Mere Tautahi",
            Email = "mere@harbourside.example",
            Phone = "+6465550101",
            Mobile = "+64215550101",
            Address = "1 Marine Parade\nNapier",
            PayrollCode = "MT",
            WebUrl = "https://practicemanager.xero.com/app/staff/42910477-1971-4afa-b421-b97a6c531aab/information",
        });
        (staff[1].Phone, staff[1].Mobile, staff[1].Address, staff[1].PayrollCode).ShouldBe((null, null, null, null));
    }

    [Fact]
    public async Task ReadStaffListAsync_BomAndXmlDeclaration_AreAccepted()
    {
        var staff = await ReadAllAsync<XpmStaff>(_parser.ReadStaffListAsync, "staff-list-declaration.xml");

        staff.ShouldHaveSingleItem().Name.ShouldBe("Jane Doe");
    }

    [Fact]
    public async Task ReadStaffAsync_Get_ReadsTheStaffMember()
    {
        var result = await _parser.ReadStaffAsync(XpmFixture.Open("staff-get.xml"), TestContext.Current.CancellationToken);

        (result.Value!.Name, result.Value.PayrollCode).ShouldBe(("Mere Tautahi", "MT"));
    }

    [Fact]
    public async Task ReadStaffAsync_AddAnsweredWithApiMethodGet_IsReadAnyway()
    {
        var result = await _parser.ReadStaffAsync(XpmFixture.Open("staff-add-reply.xml"), TestContext.Current.CancellationToken);

        (result.Value!.Uuid, result.Value.Name, result.Value.Mobile).ShouldBe((Guid.Parse("6f5e4d3c-2b1a-4098-8765-43210fedcba9"), "Hemi Walker", null));
    }

    [Fact]
    public async Task ReadGroupsAsync_TaxableYesNoBlankOrMissing_IsReadAsNullableFlag()
    {
        var groups = await ReadAllAsync<XpmGroup>(_parser.ReadGroupsAsync, "groups-list.xml");

        groups.Select(g => (g.Name, g.Taxable)).ShouldBe(
            [("Whitfield Family", true), ("Dental Clients", false), ("Hastings Growers", null), ("No Practice Module", null)]);
        groups[1].Uuid.ShouldBe(Guid.Parse("e53b4f41-f587-4c23-a95c-09c7f8eb6ed3"));
        groups.ShouldAllBe(g => g.Clients.Count == 0);
    }

    [Fact]
    public async Task ReadGroupAsync_Get_ReadsMembers()
    {
        var result = await _parser.ReadGroupAsync(XpmFixture.Open("group-get.xml"), TestContext.Current.CancellationToken);

        result.Value!.Clients.ShouldBe([
            new XpmRef(Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb"), "Kowhai Ridge Orchards Ltd"),
            new XpmRef(Guid.Parse("43fdc385-d166-48e8-8919-370f806797ee"), "Ana Whitfield"),
        ]);
    }

    [Fact]
    public async Task ReadContactAsync_ContactReply_IsRead()
    {
        var result = await _parser.ReadContactAsync(XpmFixture.Open("contact-reply.xml"), TestContext.Current.CancellationToken);

        (result.Value!.Uuid, result.Value.Position, result.Value.IsPrimary).ShouldBe((Guid.Parse("594d8ce0-17dc-4af3-9b80-e0f5aa780f60"), "Managing Director", true));
    }

    [Fact]
    public async Task ReadContactAsync_ThreeZeroReplyWithOnlyId_HasNoUuid()
    {
        var result = await _parser.ReadContactAsync(XpmFixture.Open("contact-reply-30.xml"), TestContext.Current.CancellationToken);

        (result.Value!.Uuid, result.Value.Name).ShouldBe((null, "Harbourside Brewing Co"));
    }

    [Fact]
    public async Task GetAsyncEnumerator_SecondEnumeration_Throws()
    {
        var opened = await _parser.ReadClientsAsync(XpmFixture.Open("client-list-compact.xml"), TestContext.Current.CancellationToken);
        await using var stream = opened.Value!;
        await foreach (var _ in stream)
        {
        }

        await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in stream)
            {
            }
        });
    }

    [Fact]
    public async Task DisposeAsync_StreamNotEnumerated_DisposesTheBody()
    {
        var body = new MemoryStream(XpmFixture.Bytes("client-list-detailed.xml"));
        var opened = await _parser.ReadClientsAsync(body, TestContext.Current.CancellationToken);

        await opened.Value!.DisposeAsync();

        body.CanRead.ShouldBeFalse();
    }
}
