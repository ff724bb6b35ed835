using System.Net;
using System.Xml.Linq;

namespace Portal.XpmSandbox;

public sealed class SandboxClientApiTests(ConnectedSandbox app) : IClassFixture<ConnectedSandbox>
{
    /// <summary>The 3.1 fixture's order, with the NZ and billing fields the docs add.</summary>
    private static readonly string[] DetailedCompanyElements =
    [
        "UUID", "Name", "Email", "Address", "City", "Region", "PostCode", "Country",
        "PostalAddress", "PostalCity", "PostalRegion", "PostalPostCode", "PostalCountry",
        "Phone", "Fax", "Website", "ReferralSource", "ExportCode", "IsProspect", "IsArchived", "IsDeleted",
        "AccountManager", "JobManager", "Type",
        "TaxNumber", "CompanyNumber", "BusinessNumber", "BranchNumber", "BusinessStructure", "BalanceMonth",
        "GSTRegistered", "PrepareGST", "GSTPeriod", "GSTBasis", "ProvisionalTaxBasis", "SignedTaxAuthority", "TaxAgent",
        "AgencyStatus", "ReturnType", "PrepareActivityStatement", "PrepareTaxReturn", "AutoBasOptInCriteria",
        "BankName", "ActiveAtoClient", "ClientCode", "Contacts", "Notes", "Groups", "Relationships", "WebUrl",
    ];

    [Fact]
    public async Task List_NotDetailed_HasContactsButNoNotesGroupsOrRelationships()
    {
        var response = await app.GetAsync("client.api/list");

        response.ShouldBeOk("List");
        var kowhai = response.ClientNamed(SandboxWellKnown.KowhaiRidgeOrchardsName);
        kowhai.Element("Contacts")!.Elements("Contact").Count().ShouldBe(2);
        kowhai.Element("Notes").ShouldBeNull();
        kowhai.Element("Groups").ShouldBeNull();
        kowhai.Element("Relationships").ShouldBeNull();
        kowhai.ChildNames()[0].ShouldBe("UUID");
        kowhai.ChildNames()[^1].ShouldBe("WebUrl");
    }

    [Fact]
    public async Task List_Detailed_WritesEveryBlockInXpmOrder()
    {
        var response = await app.GetAsync("client.api/list?detailed=true");

        var kowhai = response.ClientNamed(SandboxWellKnown.KowhaiRidgeOrchardsName);
        kowhai.ChildNames().ShouldBe(DetailedCompanyElements);
        kowhai.Text("WebUrl").ShouldBe("https://practicemanager.xero.com/Client/4400001/Detail");
        kowhai.Element("AutoBasOptInCriteria")!.ChildNames().ShouldBe(["Annually", "Monthly", "Quarterly", "Opt-Out"]);
        kowhai.Element("Contacts")!.Elements("Contact").First().ChildNames()
            .ShouldBe(["UUID", "Name", "Mobile", "Email", "Phone", "Salutation", "Addressee", "Position", "IsPrimary", "IsDeleted"]);
        kowhai.Element("Notes")!.Element("Note")!.ChildNames().ShouldBe(["Title", "Text", "Folder", "Date", "CreatedBy"]);
        kowhai.Element("Notes")!.Element("Note")!.Text("Date").ShouldBe("2025-07-15T10:41:50");
    }

    [Fact]
    public async Task List_IncludesArchivedAndDeletedClients()
    {
        var clients = (await app.GetAsync("client.api/list")).Element("Clients")!.Elements("Client").ToList();

        clients.Count.ShouldBe(app.Practice.Current.Clients.Count);
        clients.ShouldContain(c => c.Text("IsArchived") == "Yes");
        clients.ShouldContain(c => c.Text("IsDeleted") == "Yes");
        clients.Single(c => c.Text("Name") == SandboxWellKnown.ArchivedClient).Text("IsArchived").ShouldBe("Yes");
        clients.Single(c => c.Text("Name") == SandboxWellKnown.DeletedClient).Text("IsDeleted").ShouldBe("Yes");
    }

    [Fact]
    public async Task List_PageAndPageSizeParameters_AreIgnored()
    {
        var response = await app.GetAsync("client.api/list?page=2&pagesize=10");

        response.Element("Clients")!.Elements("Client").Count().ShouldBe(app.Practice.Current.Clients.Count);
    }

    [Theory]
    [InlineData("modifiedsince=2025-06-01T00:00:00")]
    [InlineData("modifiedSince=2025-06-01T00:00:00")]
    [InlineData("ModifiedSince=2025-06-01T00%3A00%3A00")]
    [InlineData("detailed=true&modifiedsince=2025-06-01T00%3a00%3a00")]
    public async Task List_ModifiedSince_ReturnsOnlyClientsChangedSinceThen(string query)
    {
        var since = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var expected = app.Practice.Current.Clients.Where(c => c.Modified >= since).Select(c => c.Uuid.ToString()).ToList();

        var response = await app.GetAsync($"client.api/list?{query}");

        var uuids = response.Element("Clients")!.Elements("Client").Select(c => c.Text("UUID")).ToList();
        uuids.ShouldBe(expected, ignoreOrder: true);
        uuids.Count.ShouldBeLessThan(app.Practice.Current.Clients.Count);
        uuids.ShouldContain(SandboxWellKnown.KowhaiRidgeOrchards.ToString());
    }

    [Fact]
    public async Task List_UnreadableModifiedSince_IsStatusError()
    {
        var response = await app.GetAsync("client.api/list?modifiedsince=yesterday");

        response.ShouldBeError("List", "Invalid modifiedsince: yesterday");
    }

    [Fact]
    public async Task Get_AnaWhitfield_ReturnsTheDetailedPerson()
    {
        var response = await app.GetAsync($"client.api/get/{SandboxWellKnown.AnaWhitfield}");

        response.ShouldBeOk("Get");
        var ana = response.Element("Client")!;
        ana.ChildNames().Take(6).ShouldBe(["UUID", "Name", "FirstName", "LastName", "Email", "DateOfBirth"]);
        ana.Text("Email").ShouldBe(SandboxWellKnown.AnaWhitfieldEmail);
        ana.Text("DateOfBirth").ShouldBe("1978-03-14T00:00:00");
        ana.Text("BusinessStructure").ShouldBe("Individual");
        ana.Element("AccountManager")!.Text("Name").ShouldBe(SandboxWellKnown.MereTautahiName);
        ana.Element("JobManager")!.Text("Name").ShouldBe(SandboxWellKnown.SioneFifitaName);
        ana.Element("Groups")!.Elements("Group").Select(g => g.Text("Name")).ShouldContain(SandboxWellKnown.WhitfieldFamilyGroupName);
        var director = ana.Element("Relationships")!.Elements("Relationship").Single(r => r.Text("Type") == "Director of");
        director.Element("RelatedClient")!.Text("UUID").ShouldBe(SandboxWellKnown.KowhaiRidgeOrchards.ToString());
    }

    [Fact]
    public async Task Get_KowhaiRidge_HasAnaAsDirectorShareholderAndPrimaryContact()
    {
        var kowhai = (await app.GetAsync($"client.api/get/{SandboxWellKnown.KowhaiRidgeOrchards.ToString().ToUpperInvariant()}")).Element("Client")!;

        kowhai.Text("BusinessStructure").ShouldBe("Company");
        var relationships = kowhai.Element("Relationships")!.Elements("Relationship").ToList();
        relationships.ShouldAllBe(r => r.ChildNames().SequenceEqual(new[] { "UUID", "Type", "RelatedClient", "NumberOfShares", "Percentage", "StartDate", "EndDate" }));
        var shareholder = relationships.Single(r => r.Text("UUID") == SandboxWellKnown.AnaShareholderOfKowhai.ToString());
        shareholder.Text("Type").ShouldBe("Shareholder");
        shareholder.Text("NumberOfShares").ShouldBe("500");
        shareholder.Text("StartDate").ShouldBe("2019-04-01");
        shareholder.Element("EndDate")!.IsEmpty.ShouldBeTrue();
        relationships.ShouldContain(r => r.Text("Type") == "Director" && r.Element("RelatedClient")!.Text("Name") == SandboxWellKnown.AnaWhitfieldName);
        var primary = kowhai.Element("Contacts")!.Elements("Contact").Single(c => c.Text("IsPrimary") == "Yes");
        primary.Text("UUID").ShouldBe(SandboxWellKnown.AnaWhitfieldContact.ToString());
        primary.Text("Position").ShouldBe("Director");
    }

    [Theory]
    [InlineData("0d2c1b3a-0000-4000-8000-000000000000")]
    [InlineData("12345")]
    public async Task Get_UnknownUuid_IsHttp200WithStatusError(string uuid)
    {
        var response = await app.RawAsync(HttpMethod.Get, $"client.api/get/{uuid}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.ShouldBeError("Get", "Client not found");
    }

    [Fact]
    public async Task Search_ByName_ReturnsMatchingClientsInTheSearchEnvelope()
    {
        var response = await app.GetAsync("client.api/search?query=whitfield");

        response.ShouldBeOk("Search");
        var names = response.Element("Clients")!.Elements("Client").Select(c => c.Text("Name")).ToList();
        names.ShouldContain(SandboxWellKnown.AnaWhitfieldName);
        names.ShouldAllBe(n => n.Contains("Whitfield"));
    }

    [Fact]
    public async Task Search_Detailed_AddsNotesGroupsAndRelationships()
    {
        var response = await app.GetAsync("client.api/search?query=Kowhai%20Ridge&detailed=true");

        response.ClientNamed(SandboxWellKnown.KowhaiRidgeOrchardsName).Element("Relationships").ShouldNotBeNull();
    }

    [Fact]
    public async Task Output_UsesLowerCaseUuidsAndYesNoBooleans()
    {
        var response = await app.GetAsync("client.api/list?detailed=true");

        var uuids = response.Descendants("UUID").Select(e => e.Value).ToList();
        uuids.ShouldAllBe(u => u.Length == 36 && u == u.ToLowerInvariant());
        string[] booleans = ["IsProspect", "IsArchived", "IsDeleted", "IsPrimary", "GSTRegistered", "PrepareGST"];
        response.Descendants().Where(e => booleans.Contains(e.Name.LocalName)).ShouldAllBe(e => e.Value == "Yes" || e.Value == "No");
    }

    [Fact]
    public async Task Output_KeepsApostrophesAmpersandsMacronsAndLineBreaks()
    {
        var response = await app.GetAsync("client.api/list");
        var raw = response.ToString(SaveOptions.DisableFormatting);

        raw.ShouldContain("<Name>Smith &amp; Jones Partnership</Name>");
        response.ClientNamed(SandboxWellKnown.SiobhanONeill).ShouldNotBeNull();
        response.ClientNamed(SandboxWellKnown.WiremuNgatai).ShouldNotBeNull();
        response.ClientNamed(SandboxWellKnown.ChloeDubois).Text("Address").ShouldBe("Apartment 5\n101 Customs Street East");
    }

    [Fact]
    public async Task Output_ClientsWithoutEmail_OmitOrBlankTheElement()
    {
        var response = await app.GetAsync("client.api/list");

        response.ClientNamed(SandboxWellKnown.LiamONeill).Element("Email").ShouldBeNull();
        var blank = response.ClientNamed(SandboxWellKnown.DavidJones).Element("Email")!;
        blank.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Output_SharedContact_HasTheSameUuidOnTwoClients()
    {
        var response = await app.GetAsync("client.api/list");

        var pitaOnKowhai = response.ClientNamed(SandboxWellKnown.KowhaiRidgeOrchardsName).Descendants("Contact").Single(c => c.Text("Name") == SandboxWellKnown.SharedBookkeeperContact);
        var pitaOnHoney = response.ClientNamed(SandboxWellKnown.TuhoeValleyHoney).Descendants("Contact").Single(c => c.Text("Name") == SandboxWellKnown.SharedBookkeeperContact);
        pitaOnHoney.Text("UUID").ShouldBe(pitaOnKowhai.Text("UUID"));
    }
}
