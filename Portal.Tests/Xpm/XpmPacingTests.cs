using Portal.Core.Xpm;

namespace Portal.Xpm;

/// <summary>Per-tenant pacing: at most five requests in flight (bodies included) and the minute budget.</summary>
public sealed class XpmPacingTests : IAsyncDisposable
{
    private static readonly Guid ClientUuid = Guid.Parse("3c9a1e7b-2d4f-4a6b-8c0d-1e2f3a4b5c6d");

    private readonly XpmTestHost _host = XpmTestHost.Create();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task GetClientAsync_TwelveAtOnce_NeverMoreThanFiveInFlight()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Handler.Always(async (_, _) =>
        {
            await gate.Task;
            return StubXpmHandler.Fixture("client-get.xml");
        });

        var calls = Enumerable.Range(0, 12).Select(_ => _host.Client.GetClientAsync(ClientUuid, TestContext.Current.CancellationToken)).ToList();
        await _host.Handler.WaitForRequestsAsync(5);
        await Eventually.TrueAsync(
            () => _host.Limiter.GetConcurrencyStatistics(FakeXpmTokenSource.TenantId)?.CurrentQueuedCount == 7,
            "the other seven calls queue for a slot");
        _host.Handler.Requests.Count.ShouldBe(5);
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        results.ShouldAllBe(r => r.Succeeded);
        _host.Handler.Requests.Count.ShouldBe(12);
        _host.Handler.MaxInFlight.ShouldBe(5);
    }

    [Fact]
    public async Task GetClientsAsync_OpenStreams_HoldTheirSlotsUntilDisposed()
    {
        _host.Handler.Always(() => StubXpmHandler.Fixture("client-list-detailed.xml"));
        var streams = new List<XpmStream<Core.Xpm.Models.XpmClientRecord>>();
        for (var i = 0; i < 5; i++)
        {
            streams.Add((await _host.Client.GetClientsAsync(cancellationToken: TestContext.Current.CancellationToken)).Value!);
        }

        var sixth = _host.Client.GetClientsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(
            () => _host.Limiter.GetConcurrencyStatistics(FakeXpmTokenSource.TenantId)?.CurrentQueuedCount == 1,
            "the sixth call queues while five replies are still open");
        _host.Handler.Requests.Count.ShouldBe(5);
        await streams[0].DisposeAsync();
        await using var sixthStream = (await sixth).Value!;

        _host.Handler.Requests.Count.ShouldBe(6);
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }
    }

    [Fact]
    public async Task GetClientsAsync_StreamReadToTheEnd_GivesItsSlotBack()
    {
        _host.Handler.Always(() => StubXpmHandler.Fixture("client-list-compact.xml"));

        for (var i = 0; i < 7; i++)
        {
            var opened = await _host.Client.GetClientsAsync(cancellationToken: TestContext.Current.CancellationToken);
            await foreach (var _ in opened.Value!)
            {
            }
        }

        _host.Limiter.GetConcurrencyStatistics(FakeXpmTokenSource.TenantId)!.CurrentAvailablePermits.ShouldBe(5);
        _host.Handler.Requests.Count.ShouldBe(7);
    }

    [Fact]
    public async Task GetClientAsync_429sAndRetries_GiveTheirSlotsBack()
    {
        _host.Handler
            .Reply(() => XpmReplies.TooManyRequests(retryAfterSeconds: 0))
            .Reply((_, _) => throw new HttpRequestException("Connection reset by peer"))
            .Reply(() => XpmReplies.GatewayJson("error-503-unavailable.json", System.Net.HttpStatusCode.ServiceUnavailable))
            .ReplyFixture("client-get.xml");

        var result = await _host.Client.GetClientAsync(ClientUuid, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeTrue();
        _host.Handler.Requests.Count.ShouldBe(4);
        _host.Limiter.GetConcurrencyStatistics(FakeXpmTokenSource.TenantId)!.CurrentAvailablePermits.ShouldBe(5);
    }
}
