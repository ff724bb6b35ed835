using System.Net;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Xpm;

namespace Portal.Xpm;

public sealed class XpmQuotaTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly XpmTestHost _host;

    public XpmQuotaTests() => _host = XpmTestHost.Create(time: _time);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public void Current_BeforeAnyCall_IsEmpty()
    {
        _host.Quota.Current.ShouldBe(XpmQuotaSnapshot.Empty);
    }

    [Fact]
    public async Task GetStaffMemberAsync_ReplyWithLimitHeaders_RecordsThemWithTheCall()
    {
        _host.Handler.Reply(() => StubXpmHandler.Fixture("staff-get.xml").WithLimits(4994, 59, 9999));

        await _host.Client.GetStaffMemberAsync(Guid.Parse("42910477-1971-4afa-b421-b97a6c531aab"), TestContext.Current.CancellationToken);

        _host.Quota.Current.ShouldBe(new XpmQuotaSnapshot(
            4994, 59, 9999, Now, "GET /practicemanager/3.1/staff.api/get/42910477-1971-4afa-b421-b97a6c531aab", "200 OK"));
    }

    [Fact]
    public async Task GetClientAsync_ReplyMissingSomeHeaders_KeepsTheLastKnownValues()
    {
        _host.Handler
            .Reply(() => StubXpmHandler.Fixture("client-get.xml").WithLimits(4994, 59, 9999))
            .Reply(() => XpmReplies.GatewayJson("error-403-forbidden.json", HttpStatusCode.Forbidden).WithLimits(null, null, 9998));
        await _host.Client.GetClientAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(5));

        await _host.Client.GetClientAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        var quota = _host.Quota.Current;
        (quota.DayLimitRemaining, quota.MinuteLimitRemaining, quota.AppMinuteLimitRemaining).ShouldBe((4994, 59, 9998));
        (quota.LastCallAt, quota.LastOutcome).ShouldBe((Now.AddSeconds(5), "403 Forbidden"));
    }

    [Fact]
    public async Task GetClientAsync_DailyLimit429_RecordsTheProblemAndZeroMinuteBudget()
    {
        _host.Handler.Reply(() => XpmReplies.TooManyRequests(retryAfterSeconds: 3600, problem: "day"));

        await _host.Client.GetClientAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        var quota = _host.Quota.Current;
        (quota.DayLimitRemaining, quota.MinuteLimitRemaining, quota.AppMinuteLimitRemaining).ShouldBe((4539, 0, 9938));
        quota.LastOutcome.ShouldBe("429 TooManyRequests (day limit)");
    }

    [Fact]
    public async Task GetClientAsync_NetworkFailure_RecordsTheFailure()
    {
        await using var host = XpmTestHost.Create(new() { ["Xpm:MaxRetryAttempts"] = "0" });
        host.Handler.Always((_, _) => throw new HttpRequestException("Connection refused"));

        await host.Client.GetClientAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        host.Quota.Current.LastOutcome.ShouldBe("failed: HttpRequestException");
    }
}
