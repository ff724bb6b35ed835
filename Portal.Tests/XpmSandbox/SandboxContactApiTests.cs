
namespace Portal.XpmSandbox;

public sealed class SandboxContactApiTests(ConnectedSandbox app) : IClassFixture<ConnectedSandbox>
{
    private static readonly string[] ContactElements = ["UUID", "Name", "Mobile", "Email", "Phone", "Salutation", "Addressee", "Position", "IsPrimary", "IsDeleted"];

    [Fact]
    public async Task AddContact_ToAClient_ReturnsItInTheContactEnvelopeAndLinksIt()
    {
        var client = await AddClientAsync("Contact Holder Ltd");

        var response = await app.SendAsync(HttpMethod.Post, "client.api/contact",
            $"<Contact><Client><UUID>{client}</UUID></Client><Name>Hēmi Parata</Name><Email>hemi@holder.example</Email><Position>Accounts</Position><IsPrimary>Yes</IsPrimary></Contact>");

        response.ShouldBeOk("Contact");
        var contact = response.Element("Contact")!;
        contact.ChildNames().ShouldBe(ContactElements);
        contact.Text("Position").ShouldBe("Accounts");
        var onClient = (await app.GetAsync($"client.api/get/{client}")).Descendants("Contact").Single();
        onClient.Text("UUID").ShouldBe(contact.Text("UUID"));
        onClient.Text("IsPrimary").ShouldBe("Yes");
    }

    [Fact]
    public async Task AddContact_WithoutClient_IsStatusError()
    {
        var response = await app.SendAsync(HttpMethod.Post, "client.api/contact", "<Contact><Name>Floating</Name></Contact>");

        response.ShouldBeError("Contact", "A client UUID is required (<Client><UUID/></Client>)");
    }

    [Fact]
    public async Task GetContact_WithClientUuid_ShowsThatLinksPositionAndPrimaryFlag()
    {
        var pita = await PitaUuidAsync();

        var response = await app.GetAsync($"client.api/contact/{pita}?clientUuid={SandboxWellKnown.KowhaiRidgeOrchards}");

        response.ShouldBeOk("Contact");
        var contact = response.Element("Contact")!;
        contact.Text("Name").ShouldBe(SandboxWellKnown.SharedBookkeeperContact);
        contact.Text("Position").ShouldBe("Bookkeeper");
        contact.Text("IsPrimary").ShouldBe("No");
    }

    [Fact]
    public async Task GetContact_UnknownUuid_IsStatusError()
    {
        var response = await app.GetAsync($"client.api/contact/{Guid.NewGuid()}");

        response.ShouldBeError("Contact", "Contact not found");
    }

    [Fact]
    public async Task UpdateContact_SharedContact_ChangesShowOnEveryLinkedClient()
    {
        var pita = await PitaUuidAsync();
        var honey = app.Practice.Current.Clients.Single(c => c.Name == SandboxWellKnown.TuhoeValleyHoney).Uuid;

        var response = await app.SendAsync(HttpMethod.Put, $"client.api/contact/{pita}", "<Contact><Email>pita@newledger.example</Email></Contact>");

        response.ShouldBeOk("Contact");
        response.Element("Contact")!.Text("Name").ShouldBe(SandboxWellKnown.SharedBookkeeperContact);
        foreach (var holder in new[] { SandboxWellKnown.KowhaiRidgeOrchards, honey })
        {
            (await app.GetAsync($"client.api/get/{holder}")).Descendants("Contact")
                .Single(c => c.Text("UUID") == pita).Text("Email").ShouldBe("pita@newledger.example");
        }
    }

    [Fact]
    public async Task UpdateContact_WithClient_SetsPositionAndPrimaryAndDemotesTheOtherPrimary()
    {
        var client = await AddClientAsync("Primary Swap Ltd");
        var first = await AddContactAsync(client, "Old Primary", primary: true);
        var second = await AddContactAsync(client, "New Primary", primary: false);

        var response = await app.SendAsync(HttpMethod.Put, $"client.api/contact/{second}",
            $"<Contact><Name>New Primary</Name><Client><UUID>{client}</UUID></Client><Position>Managing Director</Position><IsPrimary>Yes</IsPrimary></Contact>");

        response.Element("Contact")!.Text("Position").ShouldBe("Managing Director");
        var contacts = (await app.GetAsync($"client.api/get/{client}")).Descendants("Contact").ToDictionary(c => c.Text("UUID"), c => c.Text("IsPrimary"));
        contacts[second].ShouldBe("Yes");
        contacts[first].ShouldBe("No");
    }

    [Fact]
    public async Task DeleteContact_WithClientUuid_UnlinksItFromThatClientOnly()
    {
        var client = await AddClientAsync("Unlink Me Ltd");
        var contact = await AddContactAsync(client, "Leaving Soon", primary: false);

        var response = await app.RawAsync(HttpMethod.Delete, $"client.api/contact/{contact}?clientUuid={client}");

        response.IsSuccessStatusCode.ShouldBeTrue();
        (await app.GetAsync($"client.api/get/{client}")).Descendants("Contact").ShouldBeEmpty();
        (await app.GetAsync($"client.api/contact/{contact}")).Element("Contact")!.Text("IsDeleted").ShouldBe("No");
    }

    private async Task<string> PitaUuidAsync() =>
        (await app.GetAsync($"client.api/get/{SandboxWellKnown.KowhaiRidgeOrchards}"))
            .Descendants("Contact").Single(c => c.Text("Name") == SandboxWellKnown.SharedBookkeeperContact).Text("UUID");

    private async Task<string> AddClientAsync(string name) =>
        (await app.SendAsync(HttpMethod.Post, "client.api/add", $"<Client><Name>{name}</Name></Client>")).Element("Client")!.Text("UUID");

    private async Task<string> AddContactAsync(string client, string name, bool primary) =>
        (await app.SendAsync(HttpMethod.Post, "client.api/contact",
            $"<Contact><Client><UUID>{client}</UUID></Client><Name>{name}</Name><IsPrimary>{(primary ? "Yes" : "No")}</IsPrimary></Contact>")).Element("Contact")!.Text("UUID");
}
