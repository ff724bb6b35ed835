using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Common;
using Portal.Core.Xpm;

namespace Portal.Xpm;

/// <summary>Each way XPM or the Xero gateway can fail, and the typed error it becomes.</summary>
public sealed class XpmClientErrorTests : IAsyncDisposable
{
    private static readonly Guid ClientUuid = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb");

    private XpmTestHost _host = XpmTestHost.Create();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<Result<Core.Xpm.Models.XpmClientRecord>> GetClientAsync() =>
        _host.Client.GetClientAsync(ClientUuid, TestContext.Current.CancellationToken);

    private sealed record Unreachable() : Error("The XPM connection is gone.");

    [Fact]
    public async Task GetClientAsync_StatusErrorOnHttp200_ReturnsApplicationError()
    {
        _host.Handler.ReplyFixture("error-status.xml");

        var result = await GetClientAsync();

        result.Error.ShouldBe(new XpmApplicationError("Client not found"));
    }

    [Fact]
    public async Task GetClientsAsync_StatusError_FailsBeforeAnyStream()
    {
        _host.Handler.ReplyFixture("error-status.xml");

        var result = await _host.Client.GetClientsAsync(cancellationToken: TestContext.Current.CancellationToken);

        result.Value.ShouldBeNull();
        result.Error.ShouldBe(new XpmApplicationError("Client not found"));
    }

    [Fact]
    public async Task GetClientAsync_Conflict409WithXmlError_ReturnsApplicationErrorWithStatus()
    {
        _host.Handler.ReplyFixture("error-status.xml", status: HttpStatusCode.Conflict);

        var result = await GetClientAsync();

        result.Error.ShouldBe(new XpmApplicationError("Client not found", 409));
    }

    [Fact]
    public async Task GetClientAsync_TokenExpired_RefreshesOnceAndRepeatsTheCall()
    {
        _host.Handler
            .Reply(() => XpmReplies.GatewayJson("error-401-token-expired.json", HttpStatusCode.Unauthorized))
            .ReplyFixture("client-get.xml");

        var result = await GetClientAsync();

        result.Value!.Name.ShouldBe("Tasman Dental Group");
        _host.Tokens.RefreshedAfter.ShouldBe(["token-1"]);
        _host.Handler.Requests.Select(r => r.Authorization).ShouldBe(["Bearer token-1", "Bearer token-2"]);
    }

    [Fact]
    public async Task GetClientAsync_TokenExpiredTwice_ReturnsUnauthorizedAfterOneRefresh()
    {
        _host.Handler.Always(() => XpmReplies.GatewayJson("error-401-token-expired.json", HttpStatusCode.Unauthorized));

        var result = await GetClientAsync();

        result.Error.ShouldBeOfType<XpmUnauthorizedError>().Detail!.ShouldStartWith("TokenExpired:");
        _host.Tokens.RefreshedAfter.Count.ShouldBe(1);
        _host.Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetClientAsync_AuthenticationUnsuccessful_ReturnsUnauthorizedWithoutRefreshing()
    {
        _host.Handler.Reply(() => XpmReplies.GatewayJson("error-401-invalid-token.json", HttpStatusCode.Unauthorized));

        var result = await GetClientAsync();

        result.Error.ShouldBe(new XpmUnauthorizedError("AuthenticationUnsuccessful"));
        _host.Tokens.RefreshedAfter.ShouldBeEmpty();
        _host.Tokens.Refused.ShouldBe(["token-1"]);
    }

    [Fact]
    public async Task GetClientAsync_Html401Page_ReturnsUnauthorizedWithoutCrashing()
    {
        _host.Handler.ReplyFixture("error-401.html", "text/html", HttpStatusCode.Unauthorized);

        var result = await GetClientAsync();

        result.Error.ShouldBe(new XpmUnauthorizedError(null));
        _host.Tokens.RefreshedAfter.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetClientAsync_RefreshFails_ReturnsTheTokenSourcesError()
    {
        _host.Tokens.RefreshError = new Unreachable();
        _host.Handler.Reply(() => XpmReplies.GatewayJson("error-401-token-expired.json", HttpStatusCode.Unauthorized));

        var result = await GetClientAsync();

        result.Error.ShouldBeOfType<Unreachable>();
        _host.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetClientAsync_NoToken_ReturnsTheTokenSourcesErrorWithoutCalling()
    {
        _host.Tokens.TokenError = new Unreachable();

        var result = await GetClientAsync();

        result.Error.ShouldBeOfType<Unreachable>();
        _host.Handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetClientAsync_Forbidden_ReturnsForbiddenWithDetail()
    {
        _host.Handler.Reply(() => XpmReplies.GatewayJson("error-403-forbidden.json", HttpStatusCode.Forbidden).WithLimits(null, null, 9999));

        var result = await GetClientAsync();

        result.Error.ShouldBe(new XpmForbiddenError("AuthenticationUnsuccessful"));
    }

    [Fact]
    public async Task GetClientAsync_MalformedJson500Always_ReturnsUnavailableAfterRetries()
    {
        _host.Handler.Always(() => XpmReplies.GatewayJson("error-500-malformed.json", HttpStatusCode.InternalServerError));

        var result = await GetClientAsync();

        result.Error.ShouldBeOfType<XpmUnavailableError>().Reason.ShouldBe("HTTP 500 Internal Server Error after retrying");
        _host.Handler.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task GetClientAsync_Gateway503Always_ReturnsUnavailableWithDetail()
    {
        _host.Handler.Always(() => XpmReplies.GatewayJson("error-503-unavailable.json", HttpStatusCode.ServiceUnavailable));

        var result = await GetClientAsync();

        result.Error.ShouldBeOfType<XpmUnavailableError>().Reason.ShouldContain("(ServiceNotAvailable)");
    }

    [Fact]
    public async Task GetClientAsync_NetworkFailureAlways_ReturnsUnavailable()
    {
        _host.Handler.Always((_, _) => throw new HttpRequestException("Connection refused"));

        var result = await GetClientAsync();

        result.Error.ShouldBeOfType<XpmUnavailableError>().Reason.ShouldBe("could not reach XPM (Connection refused)");
        _host.Handler.Requests.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("error-401.html", "text/html")]
    [InlineData("json-body.json", "application/json")]
    public async Task GetClientAsync_NonXmlOn200_ReturnsUnexpectedResponseNamingTheContentType(string fixture, string contentType)
    {
        _host.Handler.ReplyFixture(fixture, contentType);

        var result = await GetClientAsync();

        result.Error.ShouldBe(new XpmUnexpectedResponseError(200, contentType));
        result.Error!.Message.ShouldContain($"with {contentType} instead of XML");
    }

    [Fact]
    public async Task GetClientAsync_Html404_ReturnsUnexpectedResponse()
    {
        _host.Handler.ReplyFixture("error-401.html", "text/html", HttpStatusCode.NotFound);

        var result = await GetClientAsync();

        result.Error.ShouldBe(new XpmUnexpectedResponseError(404, "text/html"));
    }

    [Fact]
    public async Task GetClientAsync_XmlWithoutContentType_IsStillParsed()
    {
        _host.Handler.Reply(() => StubXpmHandler.Bytes(XpmFixture.Bytes("client-get.xml"), contentType: null));

        var result = await GetClientAsync();

        result.Value!.Name.ShouldBe("Tasman Dental Group");
    }

    [Fact]
    public async Task GetClientsAsync_ContentLengthOverTheCap_FailsWithoutReadingTheBody()
    {
        await _host.DisposeAsync();
        _host = XpmTestHost.Create(new() { ["Xpm:MaxResponseBytes"] = "2048" });
        _host.Handler.ReplyFixture("client-list-detailed.xml");

        var result = await _host.Client.GetClientsAsync(cancellationToken: TestContext.Current.CancellationToken);

        result.Error.ShouldBe(new XpmResponseTooLargeError(2048));
    }

    [Fact]
    public async Task GetClientsAsync_ChunkedBodyOverTheCap_ThrowsTooLargeFromTheStream()
    {
        await _host.DisposeAsync();
        // Above the 64 KB an async XmlReader reads first, far below the ~480 KB of the reply.
        _host = XpmTestHost.Create(new() { ["Xpm:MaxResponseBytes"] = "200000" });
        _host.Handler.Reply(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new GeneratedClientListStream(1_000)) { Headers = { { "Content-Type", "text/xml; charset=utf-8" } } },
        });
        var opened = await _host.Client.GetClientsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var clients = opened.Value.ShouldNotBeNull();
        var count = 0;

        var thrown = await Should.ThrowAsync<XpmException>(async () =>
        {
            await foreach (var _ in clients)
            {
                count++;
            }
        });

        thrown.Error.ShouldBe(new XpmResponseTooLargeError(200_000));
        count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task GetClientsAsync_TruncatedBody_ThrowsMalformedFromTheStream()
    {
        _host.Handler.ReplyFixture("truncated.xml");
        var opened = await _host.Client.GetClientsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var clients = opened.Value.ShouldNotBeNull();

        var thrown = await Should.ThrowAsync<XpmException>(async () =>
        {
            await foreach (var _ in clients)
            {
            }
        });

        var error = thrown.Error.ShouldBeOfType<XpmMalformedResponseError>();
        error.Reason.ShouldStartWith("the reply ended after");
        error.CutOff.ShouldBeTrue();
    }

    [Fact]
    public async Task GetClientsAsync_ConnectionDropsMidBody_ThrowsUnavailableFromTheStream()
    {
        var bytes = XpmFixture.Bytes("client-list-detailed.xml");
        _host.Handler.Reply(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new FailingAfterStream(bytes[..3000])) { Headers = { { "Content-Type", "text/xml; charset=utf-8" } } },
        });
        var opened = await _host.Client.GetClientsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var clients = opened.Value.ShouldNotBeNull();

        var thrown = await Should.ThrowAsync<XpmException>(async () =>
        {
            await foreach (var _ in clients)
            {
            }
        });

        thrown.Error.ShouldBeOfType<XpmUnavailableError>().Reason.ShouldContain("connection broke while reading");
    }

    [Fact]
    public async Task GetClientsAsync_BodySlowerThanRequestTimeout_ThrowsUnavailableFromTheStream()
    {
        await _host.DisposeAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        _host = XpmTestHost.Create(new() { ["Xpm:RequestTimeout"] = "00:05:00" }, time);
        var head = Encoding.UTF8.GetBytes("<Response api-method=\"List\"><Status>OK</Status><Clients>");
        _host.Handler.Reply(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new StallingAfterStream(head)) { Headers = { { "Content-Type", "text/xml; charset=utf-8" } } },
        });
        var opened = await _host.Client.GetClientsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var clients = opened.Value.ShouldNotBeNull();

        time.Advance(TimeSpan.FromMinutes(5));
        var thrown = await Should.ThrowAsync<XpmException>(async () =>
        {
            await foreach (var _ in clients)
            {
            }
        });

        thrown.Error.ShouldBeOfType<XpmUnavailableError>().Reason.ShouldContain("took longer than 00:05:00");
    }

    [Fact]
    public async Task GetClientsAsync_CallerCancelsMidBody_ThrowsOperationCanceled()
    {
        var head = Encoding.UTF8.GetBytes("<Response api-method=\"List\"><Status>OK</Status><Clients>");
        _host.Handler.Reply(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new StallingAfterStream(head)) { Headers = { { "Content-Type", "text/xml; charset=utf-8" } } },
        });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var opened = await _host.Client.GetClientsAsync(cancellationToken: cancel.Token);
        await using var clients = opened.Value.ShouldNotBeNull();

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in clients)
            {
            }
        });
    }

    /// <summary>Serves some bytes, then fails the way a dropped connection does.</summary>
    private sealed class FailingAfterStream(byte[] head) : MemoryStream(head)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("The response ended prematurely.");
        }
    }

    /// <summary>Serves some bytes, then waits until the read is cancelled, like a server that stopped sending.</summary>
    private sealed class StallingAfterStream(byte[] head) : MemoryStream(head)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
