using System.Text;
using Portal.Core.Common;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Models;

namespace Portal.Xpm;

/// <summary>
/// What the tree-based mapper did implicitly and the direct reader has to do on purpose: first of repeated elements
/// wins, namespaced elements are not fields, a value is all the text inside it, and errors name the record even when
/// its UUID comes after the bad value.
/// </summary>
public sealed class XpmRecordReaderTests
{
    private const string Uuid = "869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb";
    private readonly XpmXmlParser _parser = new();

    private async Task<(List<XpmClientRecord> Items, Error? Error)> ReadAllAsync(string clients)
    {
        var xml = $"<Response><Status>OK</Status><Clients>{clients}</Clients></Response>";
        var opened = await _parser.ReadClientsAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), TestContext.Current.CancellationToken);
        opened.Error.ShouldBeNull();
        var items = new List<XpmClientRecord>();
        try
        {
            await using var stream = opened.Value!;
            await foreach (var client in stream)
            {
                items.Add(client);
            }
        }
        catch (XpmException ex)
        {
            return (items, ex.Error);
        }

        return (items, null);
    }

    [Fact]
    public async Task ReadClientsAsync_RepeatedElement_FirstWinsAndTheRestIsNotRead()
    {
        var (items, error) = await ReadAllAsync(
            $"<Client><UUID>{Uuid}</UUID><Name>First</Name><Name>Second</Name><IsDeleted>Yes</IsDeleted><IsDeleted>Maybe</IsDeleted><UUID>not-a-uuid</UUID></Client>");

        error.ShouldBeNull();
        var client = items.ShouldHaveSingleItem();
        (client.Uuid, client.Name, client.IsDeleted).ShouldBe((Guid.Parse(Uuid), "First", true));
    }

    [Fact]
    public async Task ReadClientsAsync_ElementInANamespace_IsNotAField()
    {
        var (items, _) = await ReadAllAsync($"<Client xmlns:x=\"urn:other\"><UUID>{Uuid}</UUID><x:Name>Other</x:Name><Name>Ours</Name></Client>");

        items.ShouldHaveSingleItem().Name.ShouldBe("Ours");
    }

    [Fact]
    public async Task ReadClientsAsync_ValueWithMarkupAndCData_IsAllItsText()
    {
        var (items, _) = await ReadAllAsync($"<Client><UUID>{Uuid}</UUID><Name>Kowhai <b>Ridge</b><![CDATA[ & Sons]]></Name></Client>");

        items.ShouldHaveSingleItem().Name.ShouldBe("Kowhai Ridge & Sons");
    }

    [Fact]
    public async Task ReadClientsAsync_UnreadableValueBeforeTheUuid_StillNamesTheClient()
    {
        var (_, error) = await ReadAllAsync($"<Client><IsDeleted>Maybe</IsDeleted><Name>A</Name><UUID> {Uuid} </UUID></Client>");

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason
            .ShouldBe($"<Client><IsDeleted> holds 'Maybe', expected Yes/No or true/false (in Client {Uuid}).");
    }

    [Fact]
    public async Task ReadClientsAsync_SeveralUnreadableValues_ReportsTheFirstInModelOrderNotDocumentOrder()
    {
        var (_, error) = await ReadAllAsync($"<Client><UUID>{Uuid}</UUID><IsDeleted>Maybe</IsDeleted><DateOfBirth>soon</DateOfBirth></Client>");

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldStartWith("<Client><DateOfBirth> holds 'soon'");
    }

    [Fact]
    public async Task ReadClientsAsync_MissingUuidAndUnreadableValue_ReportsTheMissingUuid()
    {
        var (_, error) = await ReadAllAsync("<Client><IsDeleted>Maybe</IsDeleted></Client>");

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldBe("<Client> has no UUID.");
    }

    [Fact]
    public async Task ReadClientsAsync_UnreadableContactValue_NamesThePathAndTheClient()
    {
        var (_, error) = await ReadAllAsync(
            $"<Client><UUID>{Uuid}</UUID><Contacts><Contact><Name>Ana</Name><IsPrimary>Sometimes</IsPrimary></Contact></Contacts></Client>");

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason
            .ShouldBe($"<Client><Contacts><Contact><IsPrimary> holds 'Sometimes', expected Yes/No or true/false (in Client {Uuid}).");
    }

    [Fact]
    public async Task ReadClientsAsync_DeepNestingInsideAValue_IsRefused()
    {
        var nested = string.Concat(Enumerable.Repeat("<b>", 40)) + "x" + string.Concat(Enumerable.Repeat("</b>", 40));

        var (items, error) = await ReadAllAsync($"<Client><UUID>{Uuid}</UUID><Name>{nested}</Name></Client>");

        items.ShouldBeEmpty();
        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldStartWith("its elements nest more than 32 deep (at <b>)");
    }

    [Fact]
    public async Task ReadClientsAsync_BadClientThenGoodOnes_StopsAtTheBadOne()
    {
        var good = $"<Client><UUID>{Guid.NewGuid()}</UUID><Name>Good</Name></Client>";

        var (items, error) = await ReadAllAsync($"{good}<Client><UUID>{Uuid}</UUID><GSTRegistered>perhaps</GSTRegistered></Client>{good}");

        items.Count.ShouldBe(1);
        error.ShouldBeOfType<XpmMalformedResponseError>();
    }

    [Theory]
    [InlineData("1970-11-26", 1970, 11, 26)]
    [InlineData("1970-11-26T00:00:00", 1970, 11, 26)]
    [InlineData("2025-07-15T23:59:59", 2025, 7, 15)]
    [InlineData("19701126", 1970, 11, 26)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2025-07-15T10:41:50.1234567", 2025, 7, 15)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void TryParseDate_XpmSpellings_AreRead(string text, int year, int month, int day)
    {
        XpmRecordReader.TryParseDate(text, out var date).ShouldBeTrue();

        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("1970-13-01")]
    [InlineData("1970-11-00")]
    [InlineData("0000-01-01")]
    [InlineData("1970-11-26T24:00:00")]
    [InlineData("1970-11-26T10:60:00")]
    [InlineData("1970-1l-26")]
    [InlineData("26/11/1970")]
    [InlineData("1970112")]
    public void TryParseDate_NotADate_IsRefused(string text)
    {
        XpmRecordReader.TryParseDate(text, out _).ShouldBeFalse();
    }
}
