
namespace Portal.XpmSandbox;

public sealed class SandboxClientGroupApiTests(ConnectedSandbox app) : IClassFixture<ConnectedSandbox>
{
    [Fact]
    public async Task GroupList_ReturnsEveryGroupWithUuidNameAndTaxable()
    {
        var response = await app.GetAsync("clientgroup.api/list");

        response.ShouldBeOk("List");
        var groups = response.Element("Groups")!.Elements("Group").ToList();
        groups.Count.ShouldBe(app.Practice.Current.Groups.Count);
        groups.ShouldAllBe(g => g.ChildNames().SequenceEqual(new[] { "UUID", "Name", "Taxable" }));
        groups.Select(g => g.Text("Name")).ShouldContain(SandboxWellKnown.WhitfieldFamilyGroupName);
    }

    [Fact]
    public async Task GroupGet_WhitfieldFamily_ListsItsClients()
    {
        var response = await app.GetAsync($"clientgroup.api/get/{SandboxWellKnown.WhitfieldFamilyGroup}");

        response.ShouldBeOk("Get");
        var group = response.Element("Group")!;
        group.ChildNames().ShouldBe(["UUID", "Name", "Taxable", "Clients"]);
        group.Element("Clients")!.Elements("Client").Select(c => c.Text("Name"))
            .ShouldBe([SandboxWellKnown.KowhaiRidgeOrchardsName, SandboxWellKnown.AnaWhitfieldName, "Tom Whitfield"], ignoreOrder: true);
    }

    [Fact]
    public async Task GroupGet_UnknownUuid_IsStatusError()
    {
        var response = await app.GetAsync($"clientgroup.api/get/{Guid.NewGuid()}");

        response.ShouldBeError("Get", "Client group not found");
    }
}
