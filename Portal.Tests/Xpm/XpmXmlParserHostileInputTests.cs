using System.Diagnostics;
using System.Text;
using Portal.Core.Common;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Models;

namespace Portal.Xpm;

/// <summary>Replies that are broken, hostile or huge: each must end in a typed error, never a crash or a silent success.</summary>
public sealed class XpmXmlParserHostileInputTests
{
    private readonly XpmXmlParser _parser = new();

    private static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    /// <summary>Opens and enumerates a client list; returns the error whichever way it surfaced.</summary>
    private static async Task<(List<XpmClientRecord> Items, Error? Error)> ReadAllAsync(XpmXmlParser parser, Stream body)
    {
        var opened = await parser.ReadClientsAsync(body, TestContext.Current.CancellationToken);
        if (!opened.Succeeded)
        {
            return ([], opened.Error);
        }

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

    [Theory]
    [InlineData("billion-laughs.xml")]
    [InlineData("external-entity.xml")]
    public async Task ReadClientsAsync_Dtd_IsRefusedWithATypedError(string fixture)
    {
        var (items, error) = await ReadAllAsync(_parser, XpmFixture.Open(fixture));

        items.ShouldBeEmpty();
        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldContain("DTD");
    }

    [Fact]
    public async Task ReadClientAsync_ExternalEntity_IsRefusedWithoutResolvingIt()
    {
        var result = await _parser.ReadClientAsync(XpmFixture.Open("external-entity.xml"), TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<XpmMalformedResponseError>().Message.ShouldNotContain("root:");
    }

    [Fact]
    public async Task ReadClientsAsync_TruncatedMidClient_ThrowsMalformedAfterTheStatusWasRead()
    {
        var opened = await _parser.ReadClientsAsync(XpmFixture.Open("truncated.xml"), TestContext.Current.CancellationToken);
        await using var stream = opened.Value.ShouldNotBeNull();

        var thrown = await Should.ThrowAsync<XpmException>(async () =>
        {
            await foreach (var _ in stream)
            {
            }
        });

        var error = thrown.Error.ShouldBeOfType<XpmMalformedResponseError>();
        error.Reason.ShouldStartWith("the reply ended after");
        error.CutOff.ShouldBeTrue();
        thrown.Message.ShouldContain("Unexpected end of file");
    }

    [Theory]
    [InlineData("client-list-compact.xml")]
    [InlineData("client-list-detailed.xml")]
    [InlineData("client-list-quirks.xml")]
    public async Task ReadClientsAsync_CutAnywhere_AlwaysEndsInMalformedError(string fixture)
    {
        var bytes = XpmFixture.Bytes(fixture);
        var complete = Encoding.UTF8.GetString(bytes).TrimEnd().Length;

        for (var cut = 0; cut < complete; cut += 41)
        {
            var (_, error) = await ReadAllAsync(_parser, new MemoryStream(bytes, 0, cut));

            error.ShouldBeOfType<XpmMalformedResponseError>($"cut at byte {cut}");
        }
    }

    [Fact]
    public async Task ReadClientAsync_Truncated_ReturnsMalformed()
    {
        var bytes = XpmFixture.Bytes("client-get.xml");

        var result = await _parser.ReadClientAsync(new MemoryStream(bytes, 0, bytes.Length - 20), TestContext.Current.CancellationToken);

        var error = result.Error.ShouldBeOfType<XpmMalformedResponseError>();
        error.Reason.ShouldStartWith($"the reply ended after {bytes.Length - 20:N0} bytes, before its XML was complete (");
        error.CutOff.ShouldBeTrue();
    }

    [Fact]
    public async Task ReadClientsAsync_HtmlPage_NamesIt()
    {
        var (_, error) = await ReadAllAsync(_parser, XpmFixture.Open("error-401.html"));

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldBe("the body is an HTML page, not XML");
    }

    [Theory]
    [InlineData("json-body.json")]
    [InlineData("error-500-malformed.json")]
    public async Task ReadClientsAsync_Json_NamesIt(string fixture)
    {
        var (_, error) = await ReadAllAsync(_parser, XpmFixture.Open(fixture));

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldBe("the body is JSON, not XML");
    }

    [Fact]
    public async Task ReadClientsAsync_EmptyBody_SaysSo()
    {
        var (_, error) = await ReadAllAsync(_parser, new MemoryStream());

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldBe("the reply is empty");
    }

    [Fact]
    public async Task ReadClientsAsync_PlainText_IsMalformed()
    {
        var (_, error) = await ReadAllAsync(_parser, Utf8("Service Unavailable"));

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldContain("line 1, position 1");
    }

    [Fact]
    public async Task ReadClientsAsync_OtherRootElement_IsMalformed()
    {
        var (_, error) = await ReadAllAsync(_parser, Utf8("<Clients><Client><UUID>869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb</UUID></Client></Clients>"));

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldContain("root element is <Clients>");
    }

    [Theory]
    [InlineData("<Response><Clients /></Response>", "<Clients> comes before any <Status>")]
    [InlineData("<Response api-method=\"List\"></Response>", "no <Status>")]
    [InlineData("<Response/>", "no <Status>")]
    [InlineData("<Response><Status>MAYBE</Status><Clients /></Response>", "unknown <Status> 'MAYBE'")]
    public async Task ReadClientsAsync_BadEnvelope_IsMalformed(string xml, string reason)
    {
        var (_, error) = await ReadAllAsync(_parser, Utf8(xml));

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldContain(reason);
    }

    [Fact]
    public async Task ReadClientsAsync_ErrorDescriptionBeforeStatus_IsStillAnApplicationError()
    {
        var (_, error) = await ReadAllAsync(_parser, Utf8("<Response><ErrorDescription>Invalid state code</ErrorDescription><Status>ERROR</Status></Response>"));

        error.ShouldBe(new XpmApplicationError("Invalid state code"));
    }

    [Theory]
    [InlineData("<IsDeleted>Maybe</IsDeleted>", "<Client><IsDeleted> holds 'Maybe', expected Yes/No or true/false")]
    [InlineData("<DateOfBirth>26/11/1970</DateOfBirth>", "<Client><DateOfBirth> holds '26/11/1970', expected a date")]
    [InlineData("<AccountManager><UUID>42910477-1971-4afa</UUID></AccountManager>", "<Client><AccountManager><UUID> holds '42910477-1971-4afa', expected a UUID")]
    [InlineData("<Relationships><Relationship><UUID>6958dcee-ae8d-4fe0-9de7-db769e450f92</UUID><RelatedClient><UUID>43fdc385-d166-48e8-8919-370f806797ee</UUID></RelatedClient><NumberOfShares>lots</NumberOfShares></Relationship></Relationships>", "<NumberOfShares> holds 'lots'")]
    [InlineData("<Relationships><Relationship><UUID>6958dcee-ae8d-4fe0-9de7-db769e450f92</UUID></Relationship></Relationships>", "has no <RelatedClient> with a UUID")]
    public async Task ReadClientsAsync_UnreadableValue_ThrowsMalformedNamingElementAndClient(string field, string reason)
    {
        var xml = $"<Response><Status>OK</Status><Clients><Client><UUID>869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb</UUID><Name>A</Name>{field}</Client></Clients></Response>";

        var (_, error) = await ReadAllAsync(_parser, Utf8(xml));

        var reasonText = error.ShouldBeOfType<XpmMalformedResponseError>().Reason;
        reasonText.ShouldContain(reason);
        reasonText.ShouldContain("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb");
    }

    [Fact]
    public async Task ReadClientsAsync_ClientWithoutUuid_IsMalformed()
    {
        var (_, error) = await ReadAllAsync(_parser, Utf8("<Response><Status>OK</Status><Clients><Client><ID>1</ID><Name>A</Name><UUID /></Client></Clients></Response>"));

        error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldContain("<Client> has no UUID");
    }

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("<Note>", depth)) + string.Concat(Enumerable.Repeat("</Note>", depth));

    [Fact]
    public async Task ReadClientsAsync_ClientNestedTenThousandDeep_IsRefusedWithoutAStackOverflow()
    {
        var xml = $"<Response><Status>OK</Status><Clients><Client><UUID>{Guid.NewGuid()}</UUID><Name>Deep Ltd</Name><Notes>{Nested(10_000)}</Notes></Client></Clients></Response>";

        var (items, error) = await ReadAllAsync(_parser, Utf8(xml));

        items.ShouldBeEmpty();
        var refused = error.ShouldBeOfType<XpmMalformedResponseError>();
        (refused.Reason, refused.CutOff).ShouldBe(("its elements nest more than 32 deep (at <Note>), far deeper than any XPM reply; it was refused", false));
    }

    [Fact]
    public async Task ReadClientAsync_NestedDeeperThanTheLimit_IsRefused()
    {
        // <Response>(0)/<Client>(1)/<Notes>(2)/<Note>(3…): 30 notes reach depth 32, 31 go past it.
        static string Reply(int notes) => $"<Response><Status>OK</Status><Client><UUID>{Guid.NewGuid()}</UUID><Name>A</Name><Notes>{Nested(notes)}</Notes></Client></Response>";

        var atLimit = await _parser.ReadClientAsync(Utf8(Reply(30)), TestContext.Current.CancellationToken);
        var past = await _parser.ReadClientAsync(Utf8(Reply(31)), TestContext.Current.CancellationToken);

        atLimit.Error.ShouldBeNull();
        past.Error.ShouldBeOfType<XpmMalformedResponseError>().Reason.ShouldStartWith("its elements nest more than 32 deep");
    }

    [Fact]
    public async Task ReadClientsAsync_BiggerThanTheCap_ThrowsTooLargeWhileStreaming()
    {
        // Above the 64 KB an async XmlReader reads first, far below the ~480 KB of the reply.
        var parser = new XpmXmlParser(maxResponseBytes: 128 * 1024);

        var (items, error) = await ReadAllAsync(parser, new GeneratedClientListStream(1_000));

        error.ShouldBe(new XpmResponseTooLargeError(128 * 1024));
        items.Count.ShouldBeInRange(1, 999);
    }

    [Fact]
    public async Task ReadClientAsync_BiggerThanTheCap_ReturnsTooLarge()
    {
        var parser = new XpmXmlParser(maxResponseBytes: 1024);

        var result = await parser.ReadClientAsync(XpmFixture.Open("client-get.xml"), TestContext.Current.CancellationToken);

        result.Error.ShouldBe(new XpmResponseTooLargeError(1024));
    }

    [Fact]
    public async Task GetAsyncEnumerator_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var opened = await _parser.ReadClientsAsync(new GeneratedClientListStream(1_000), TestContext.Current.CancellationToken);
        await using var stream = opened.Value!;

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in stream.WithCancellation(cancel.Token))
            {
                await cancel.CancelAsync();
            }
        });
    }

    [Fact]
    public async Task ReadClientsAsync_TwentyThousandClients_StreamsThemAllWithoutBufferingTheDocument()
    {
        var source = new GeneratedClientListStream(20_000);
        var watch = Stopwatch.StartNew();
        var opened = await _parser.ReadClientsAsync(source, TestContext.Current.CancellationToken);
        await using var stream = opened.Value!;
        var count = 0;
        long bytesProducedAtFirstClient = -1;
        var last = Guid.Empty;

        await foreach (var client in stream)
        {
            if (count++ == 0)
            {
                bytesProducedAtFirstClient = source.BytesWritten;
            }

            last = client.Uuid;
        }

        watch.Stop();
        count.ShouldBe(20_000);
        last.ShouldBe(GeneratedClientListStream.UuidOf(19_999));
        // The first client was handed out after a few KB, not after the ~8 MB document.
        bytesProducedAtFirstClient.ShouldBeLessThan(64 * 1024);
        source.BytesWritten.ShouldBeGreaterThan(20_000L * 400);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
