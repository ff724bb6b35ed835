using System.Diagnostics;
using System.Net;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Models;

namespace Portal.Xpm;

/// <summary>429 waits, retries of transient failures (never of POSTs), the circuit breaker and timeouts.</summary>
public sealed class XpmClientResilienceTests : IAsyncDisposable
{
    private static readonly Guid ClientUuid = Guid.Parse("3c9a1e7b-2d4f-4a6b-8c0d-1e2f3a4b5c6d");

    private XpmTestHost _host = XpmTestHost.Create();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task RecreateAsync(Dictionary<string, string?> settings)
    {
        await _host.DisposeAsync();
        _host = XpmTestHost.Create(settings);
    }

    [Fact]
    public async Task GetClientAsync_429ThenOk_WaitsRetryAfterAndSucceeds()
    {
        _host.Handler.Reply(() => XpmReplies.TooManyRequests(retryAfterSeconds: 1)).ReplyFixture("client-get.xml");
        var watch = Stopwatch.StartNew();

        var result = await _host.Client.GetClientAsync(ClientUuid, TestContext.Current.CancellationToken);

        result.Value!.Name.ShouldBe("Tasman Dental Group");
        var requests = _host.Handler.Requests;
        requests.Count.ShouldBe(2);
        (requests[1].At - requests[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task AddClientAsync_429ThenOk_IsRetriedBecauseTheGatewayRefusedIt()
    {
        _host.Handler.Reply(() => XpmReplies.TooManyRequests(retryAfterSeconds: 0)).ReplyFixture("client-add-reply.xml");

        var result = await _host.Client.AddClientAsync(new XpmNewClient { Name = "Harbourside Brewing Co" }, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeTrue();
        _host.Handler.Requests.Select(r => r.Body).Distinct().ShouldHaveSingleItem().ShouldBe("<Client><Name>Harbourside Brewing Co</Name></Client>");
        _host.Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetClientAsync_429WithDailyRetryAfter_ReturnsRateLimitedWithoutWaiting()
    {
        _host.Handler.Reply(() => XpmReplies.TooManyRequests(retryAfterSeconds: 3600, problem: "day"));

        var result = await _host.Client.GetClientAsync(ClientUuid, TestContext.Current.CancellationToken);

        result.Error.ShouldBe(new XpmRateLimitedError(TimeSpan.FromHours(1), "day"));
        _host.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetClientAsync_CancelledDuring429Wait_ThrowsOperationCanceled()
    {
        _host.Handler.Always(() => XpmReplies.TooManyRequests(retryAfterSeconds: 60));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = _host.Client.GetClientAsync(ClientUuid, cancel.Token);
        await _host.Handler.WaitForRequestsAsync(1);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => call);
        _host.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetClientAsync_503ThenOk_IsRetried()
    {
        _host.Handler
            .Reply(() => XpmReplies.GatewayJson("error-503-unavailable.json", HttpStatusCode.ServiceUnavailable))
            .ReplyFixture("client-get.xml");

        var result = await _host.Client.GetClientAsync(ClientUuid, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeTrue();
        _host.Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetStaffAsync_NetworkFailureThenOk_IsRetried()
    {
        _host.Handler.Reply((_, _) => throw new HttpRequestException("Connection reset by peer")).ReplyFixture("staff-list.xml");

        var opened = await _host.Client.GetStaffAsync(TestContext.Current.CancellationToken);
        await using var staff = opened.Value.ShouldNotBeNull();
        var names = new List<string>();
        await foreach (var member in staff)
        {
            names.Add(member.Name);
        }

        names.Count.ShouldBe(2);
        _host.Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task UpdateClientAsync_500ThenOk_IsRetriedBecauseAnUpdateIsIdempotent()
    {
        _host.Handler
            .Reply(() => XpmReplies.GatewayJson("error-500-malformed.json", HttpStatusCode.InternalServerError))
            .ReplyFixture("client-update-reply.xml");

        var result = await _host.Client.UpdateClientAsync(
            new XpmClientUpdate { Uuid = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb"), Phone = "06 555 0150" }, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeTrue();
        _host.Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AddClientAsync_500_IsNotRetriedBecauseXpmMayHaveCreatedIt()
    {
        _host.Handler.Always(() => XpmReplies.GatewayJson("error-500-malformed.json", HttpStatusCode.InternalServerError));

        var result = await _host.Client.AddClientAsync(new XpmNewClient { Name = "Harbourside Brewing Co" }, TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<XpmUnavailableError>().Reason.ShouldContain("not retried because XPM may have applied it");
        _host.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AddContactAsync_NetworkFailure_IsNotRetried()
    {
        _host.Handler.Always((_, _) => throw new HttpRequestException("Connection reset by peer"));

        var result = await _host.Client.AddContactAsync(
            new XpmContactUpdate { Name = "Ana", ClientUuid = Guid.Parse("869dc8b3-c1da-4820-94a3-4c8b2bb1b9fb") }, TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<XpmUnavailableError>();
        _host.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetClientAsync_NoReplyWithinRequestTimeout_ReturnsUnavailable()
    {
        await RecreateAsync(new() { ["Xpm:RequestTimeout"] = "00:00:00.200", ["Xpm:MaxRetryAttempts"] = "1" });
        _host.Handler.Always(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });

        var result = await _host.Client.GetClientAsync(ClientUuid, TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<XpmUnavailableError>().Reason.ShouldContain("within 00:00:00.2000000");
        _host.Handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetClientAsync_AfterTenFailures_CircuitBreakerStopsCallingXpm()
    {
        await RecreateAsync(new() { ["Xpm:MaxRetryAttempts"] = "0" });
        _host.Handler.Always(() => XpmReplies.GatewayJson("error-503-unavailable.json", HttpStatusCode.ServiceUnavailable));
        for (var i = 0; i < 10; i++)
        {
            (await _host.Client.GetClientAsync(ClientUuid, TestContext.Current.CancellationToken)).Error.ShouldBeOfType<XpmUnavailableError>();
        }

        var result = await _host.Client.GetClientAsync(ClientUuid, TestContext.Current.CancellationToken);

        result.Error.ShouldBeOfType<XpmUnavailableError>().Reason.ShouldContain("paused");
        _host.Handler.Requests.Count.ShouldBe(10);
    }
}
