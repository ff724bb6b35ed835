
namespace Portal.XpmSandbox;

public sealed class SandboxClientWriteTests(ConnectedSandbox app) : IClassFixture<ConnectedSandbox>
{
    [Fact]
    public async Task Add_MinimalClient_ReturnsTheDetailedClientInTheAddEnvelope()
    {
        var response = await app.SendAsync(HttpMethod.Post, "client.api/add",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Client>\n  <Name>  Acme Pūtea Ltd  </Name>\n  <BusinessStructure>Company</BusinessStructure>\n</Client>\n");

        response.ShouldBeOk("Add");
        var client = response.Element("Client")!;
        client.Text("Name").ShouldBe("Acme Pūtea Ltd");
        client.Text("IsArchived").ShouldBe("No");
        client.Element("Contacts")!.IsEmpty.ShouldBeTrue();
        client.Text("WebUrl").ShouldStartWith("https://practicemanager.xero.com/Client/");
        var fetched = await app.GetAsync($"client.api/get/{client.Text("UUID")}");
        fetched.Element("Client")!.Text("Name").ShouldBe("Acme Pūtea Ltd");
    }

    [Fact]
    public async Task Add_WithSeveralPrimaryContacts_TheLastOneWins()
    {
        var response = await app.SendAsync(HttpMethod.Post, "client.api/add", """
            <Client><Name>Twin Peaks Dairy Ltd</Name>
              <Contacts>
                <Contact><Name>First Person</Name><Email>first@twinpeaks.example</Email><IsPrimary>Yes</IsPrimary></Contact>
                <Contact><Name>Second Person</Name><Position>Owner</Position><IsPrimary>Yes</IsPrimary></Contact>
              </Contacts>
            </Client>
            """);

        var contacts = response.Element("Client")!.Element("Contacts")!.Elements("Contact").ToList();
        contacts.Select(c => (c.Text("Name"), c.Text("IsPrimary"))).ShouldBe([("First Person", "No"), ("Second Person", "Yes")]);
        contacts[1].Text("Position").ShouldBe("Owner");
    }

    [Fact]
    public async Task Add_WithoutName_IsStatusError()
    {
        var response = await app.SendAsync(HttpMethod.Post, "client.api/add", "<Client><Email>nobody@example.com</Email></Client>");

        response.ShouldBeError("Add", "Client name is required");
    }

    [Fact]
    public async Task Add_NotXml_IsStatusError()
    {
        var response = await app.SendAsync(HttpMethod.Post, "client.api/add", "name=Acme");

        response.Attribute("api-method")!.Value.ShouldBe("Add");
        response.Text("Status").ShouldBe("ERROR");
    }

    [Fact]
    public async Task Update_RequestSpellings_AreAcceptedAndWrittenWithOutputSpellings()
    {
        var target = await AddAsync("Website Spelling Ltd");

        var response = await app.SendAsync(HttpMethod.Put, "client.api/update", $"""
            <Client>
              <UUID>{target}</UUID>
              <WebSite>https://spelling.example</WebSite>
              <AccountManagerUUID>{SandboxWellKnown.MereTautahi}</AccountManagerUUID>
              <JobManagerUUID>{SandboxWellKnown.SioneFifita}</JobManagerUUID>
              <GSTPeriod>2</GSTPeriod>
              <BalanceMonth>3</BalanceMonth>
            </Client>
            """);

        response.ShouldBeOk("Update");
        var client = response.Element("Client")!;
        client.Text("Website").ShouldBe("https://spelling.example");
        client.Element("WebSite").ShouldBeNull();
        client.Element("AccountManager")!.Text("UUID").ShouldBe(SandboxWellKnown.MereTautahi.ToString());
        client.Element("JobManager")!.Text("Name").ShouldBe(SandboxWellKnown.SioneFifitaName);
        client.Text("GSTPeriod").ShouldBe("2 Monthly");
        client.Text("BalanceMonth").ShouldBe("Mar");
    }

    [Fact]
    public async Task Update_OmittedElements_KeepTheirValues()
    {
        var target = await AddAsync("Keep Values Ltd", "<Email>keep@values.example</Email><Phone>06 555 0000</Phone><City>Napier</City>");

        var response = await app.SendAsync(HttpMethod.Put, "client.api/update", $"<Client><UUID>{target}</UUID><Phone>06 555 9999</Phone></Client>");

        var client = response.Element("Client")!;
        client.Text("Phone").ShouldBe("06 555 9999");
        client.Text("Email").ShouldBe("keep@values.example");
        client.Text("City").ShouldBe("Napier");
        client.Text("Name").ShouldBe("Keep Values Ltd");
    }

    [Fact]
    public async Task Update_StampsTheModifiedTime_SoModifiedSinceFindsTheClient()
    {
        var target = await AddAsync("Touched Later Ltd");
        app.Time.Advance(TimeSpan.FromSeconds(5));
        var since = app.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss");

        await app.SendAsync(HttpMethod.Put, "client.api/update", $"<Client><UUID>{target}</UUID><Fax>06 555 1234</Fax></Client>");

        var changed = await app.GetAsync($"client.api/list?modifiedsince={since}");
        changed.Element("Clients")!.Elements("Client").Select(c => c.Text("UUID")).ShouldContain(target);
        changed.Element("Clients")!.Elements("Client").Select(c => c.Text("Name")).ShouldNotContain(SandboxWellKnown.AnaWhitfieldName);
    }

    [Fact]
    public async Task Update_UnknownStaffMember_IsStatusErrorAndChangesNothing()
    {
        var target = await AddAsync("Unchanged Ltd", "<Phone>06 555 1111</Phone>");

        var response = await app.SendAsync(HttpMethod.Put, "client.api/update",
            $"<Client><UUID>{target}</UUID><Phone>06 555 2222</Phone><AccountManagerUUID>{Guid.NewGuid()}</AccountManagerUUID></Client>");

        response.ShouldBeError("Update", "Invalid staff identifier for AccountManagerUUID");
        (await app.GetAsync($"client.api/get/{target}")).Element("Client")!.Text("Phone").ShouldBe("06 555 1111");
    }

    [Theory]
    [InlineData("<Client><Name>No Uuid</Name></Client>", "A client UUID is required")]
    [InlineData("<Client><UUID>5d0e7f39-0000-4000-8000-000000000000</UUID><Name>Ghost</Name></Client>", "Client not found")]
    public async Task Update_WithoutAKnownUuid_IsStatusError(string body, string error)
    {
        var response = await app.SendAsync(HttpMethod.Put, "client.api/update", body);

        response.ShouldBeError("Update", error);
    }

    [Fact]
    public async Task Archive_ClientStaysInListButLeavesThePagedList()
    {
        var target = await AddAsync("Closing Down Ltd");

        var response = await app.SendAsync(HttpMethod.Put, "client.api/archive", $"<Client><UUID>{target}</UUID></Client>");

        response.ShouldBeOk("Archive");
        (await app.GetAsync("client.api/list")).Element("Clients")!.Elements("Client").Single(c => c.Text("UUID") == target).Text("IsArchived").ShouldBe("Yes");
        (await app.GetAsync("client.api/paged-list?pageSize=500")).Descendants("UUID").Select(u => u.Value).ShouldNotContain(target);
    }

    [Fact]
    public async Task Delete_ClientIsFlaggedDeletedAndStillListed()
    {
        var target = await AddAsync("Created By Mistake Ltd");

        var response = await app.SendAsync(HttpMethod.Post, "client.api/delete", $"<Client><UUID>{target}</UUID></Client>");

        response.ShouldBeOk("Delete");
        (await app.GetAsync($"client.api/get/{target}")).Element("Client")!.Text("IsDeleted").ShouldBe("Yes");
    }

    private async Task<string> AddAsync(string name, string extra = "")
    {
        var added = await app.SendAsync(HttpMethod.Post, "client.api/add", $"<Client><Name>{name}</Name>{extra}</Client>");
        return added.Element("Client")!.Text("UUID");
    }
}
