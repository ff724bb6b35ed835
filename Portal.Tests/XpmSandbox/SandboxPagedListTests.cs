using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Portal.XpmSandbox;

public sealed partial class SandboxPagedListTests(ConnectedSandbox app) : IClassFixture<ConnectedSandbox>
{
    private const string PagedList = "http://localhost/sandbox/xpm/api/practicemanager/3.1/client.api/paged-list";

    [Fact]
    public async Task PagedList_FirstPage_HasFirstAndNextLinksInXpmShape()
    {
        var response = await app.GetAsync("client.api/paged-list?pageSize=10");

        response.ShouldBeOk("PagedList");
        response.ChildNames().ShouldBe(["Status", "Clients", "Pagination"]);
        response.Element("Clients")!.Elements("Client").Count().ShouldBe(10);
        var links = response.Element("Pagination")!.Element("Links")!;
        links.Text("First").ShouldBe($"{PagedList}?pageSize=10");
        NextLink().IsMatch(links.Text("Next")).ShouldBeTrue(links.Text("Next"));
        response.ToString(SaveOptions.DisableFormatting).ShouldContain("&amp;pageSize=10</Next>");
    }

    [Fact]
    public async Task PagedList_FollowingNext_VisitsEveryActiveClientOnceAndTheLastPageHasNoNext()
    {
        var expected = app.Practice.Current.Clients.Where(c => !c.IsArchived && !c.IsDeleted).Select(c => c.Uuid.ToString()).ToList();
        var seen = new List<string>();
        string? next = "client.api/paged-list?pageSize=25";
        XElement? last = null;

        while (next is not null)
        {
            last = await app.GetAsync(next);
            seen.AddRange(last.Element("Clients")!.Elements("Client").Select(c => c.Text("UUID")));
            next = last.Element("Pagination")!.Element("Links")!.Element("Next")?.Value.Replace("http://localhost/sandbox/xpm/api/practicemanager/3.1/", "");
        }

        seen.ShouldBe(expected);
        last!.Element("Pagination")!.Element("Links")!.ChildNames().ShouldBe(["First"]);
    }

    [Fact]
    public async Task PagedList_HasSummaryFieldsOnlyAndNoArchivedOrDeletedClients()
    {
        var response = await app.GetAsync("client.api/paged-list?pageSize=500");

        var clients = response.Element("Clients")!.Elements("Client").ToList();
        clients.ShouldAllBe(c => c.Text("IsArchived") == "No" && c.Text("IsDeleted") == "No");
        string[] allowed =
        [
            "UUID", "Name", "Email", "Address", "City", "Region", "PostCode", "Country", "PostalAddress", "PostalCity", "PostalRegion",
            "PostalPostCode", "PostalCountry", "Phone", "Fax", "Website", "ReferralSource", "ExportCode", "IsProspect", "IsArchived", "IsDeleted",
            "AccountManager", "JobManager", "WebUrl",
        ];
        clients.SelectMany(c => c.ChildNames()).Distinct().ShouldBeSubsetOf(allowed);
        clients.ShouldContain(c => c.Element("AccountManager") == null);
        response.Element("Pagination")!.Element("Links")!.Element("Next").ShouldBeNull();
    }

    [Fact]
    public async Task PagedList_WithoutPageSize_UsesFifty()
    {
        var response = await app.GetAsync("client.api/paged-list");

        response.Element("Clients")!.Elements("Client").Count().ShouldBe(50);
        response.Element("Pagination")!.Element("Links")!.Text("First").ShouldBe($"{PagedList}?pageSize=50");
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=501")]
    [InlineData("pageSize=ten")]
    public async Task PagedList_PageSizeOutOfRange_IsStatusError(string query)
    {
        var response = await app.GetAsync($"client.api/paged-list?{query}");

        response.ShouldBeError("PagedList", "pageSize must be between 1 and 500");
    }

    [Fact]
    public async Task PagedList_TamperedPageToken_IsStatusError()
    {
        var first = await app.GetAsync("client.api/paged-list?pageSize=5");
        var token = Regex.Match(first.Descendants("Next").Single().Value, "pageToken=([^&]+)").Groups[1].Value;
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];

        var response = await app.GetAsync($"client.api/paged-list?pageToken={tampered}&pageSize=5");

        response.ShouldBeError("PagedList", "Invalid pageToken");
    }

    [Fact]
    public async Task Contacts_PagedList_ListsContactsWithoutClientLinks()
    {
        var response = await app.GetAsync("client.api/contacts?pageSize=5");

        response.ShouldBeOk("PagedList");
        var contacts = response.Element("Contacts")!.Elements("Contact").ToList();
        contacts.Count.ShouldBe(5);
        contacts.ShouldAllBe(c => c.ChildNames().SequenceEqual(new[] { "UUID", "Name", "Salutation", "Addressee", "Mobile", "Email", "Phone", "IsDeleted" }));
        response.Descendants("Next").Single().Value.ShouldContain("client.api/contacts?pageToken=");
    }

    [GeneratedRegex(@"^http://localhost/sandbox/xpm/api/practicemanager/3\.1/client\.api/paged-list\?pageToken=[A-Za-z0-9_-]{20,}&pageSize=10$")]
    private static partial Regex NextLink();
}
