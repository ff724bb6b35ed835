
namespace Portal.XpmSandbox;

public sealed class SandboxStaffApiTests(ConnectedSandbox app) : IClassFixture<ConnectedSandbox>
{
    private static readonly string[] StaffElements = ["UUID", "Name", "Email", "Phone", "Mobile", "Address", "PayrollCode", "WebUrl"];

    [Fact]
    public async Task StaffList_ReturnsEveryStaffMemberInTheListEnvelope()
    {
        var response = await app.GetAsync("staff.api/list");

        response.ShouldBeOk("List");
        response.ChildNames().ShouldBe(["Status", "StaffList"]);
        var staff = response.Element("StaffList")!.Elements("Staff").ToList();
        staff.Count.ShouldBe(25);
        staff.ShouldAllBe(s => s.ChildNames().SequenceEqual(StaffElements));
    }

    [Fact]
    public async Task StaffList_WritesLowerCaseUuidsStaffWebUrlsAndBlanksAsEmptyElements()
    {
        var staff = (await app.GetAsync("staff.api/list")).Element("StaffList")!.Elements("Staff").ToList();

        staff.ShouldAllBe(s => s.Text("UUID") == s.Text("UUID").ToLowerInvariant());
        staff.ShouldAllBe(s => s.Text("WebUrl") == $"https://practicemanager.xero.com/app/staff/{s.Text("UUID")}/information");
        var sione = staff.Single(s => s.Text("Name") == SandboxWellKnown.SioneFifitaName);
        sione.Element("Mobile")!.IsEmpty.ShouldBeTrue();
        sione.Element("Address")!.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task StaffGet_KnownUuid_ReturnsThatStaffMember()
    {
        var response = await app.GetAsync($"staff.api/get/{SandboxWellKnown.MereTautahi}");

        response.ShouldBeOk("Get");
        var staff = response.Element("Staff")!;
        staff.ChildNames().ShouldBe(StaffElements);
        staff.Text("Name").ShouldBe("Mere Tautahi");
        staff.Text("Email").ShouldBe("mere.tautahi@harbourside.example");
    }

    [Theory]
    [InlineData("9c1b3a55-0000-4000-8000-000000000000")]
    [InlineData("not-a-uuid")]
    public async Task StaffGet_UnknownUuid_IsHttp200WithStatusError(string uuid)
    {
        var response = await app.GetAsync($"staff.api/get/{uuid}");

        response.ShouldBeError("Get", "Staff member not found");
    }
}
