using Microsoft.Extensions.Options;
using Portal.Core.Xpm;

namespace Portal.Xpm;

public sealed class XpmRateLimiterTests
{
    private static XpmRateLimiter Create(int requestsPerMinute = 60_000) =>
        new(Options.Create(new XpmOptions { MaxConcurrentRequests = 5, RequestsPerMinute = requestsPerMinute }));

    [Fact]
    public async Task AcquireAsync_SixthForOneTenant_WaitsUntilASlotIsFreed()
    {
        using var limiter = Create();
        var leases = new List<IDisposable>();
        for (var i = 0; i < 5; i++)
        {
            leases.Add(await limiter.AcquireAsync("tenant-a", TestContext.Current.CancellationToken));
        }

        var sixth = limiter.AcquireAsync("tenant-a", TestContext.Current.CancellationToken).AsTask();
        sixth.IsCompleted.ShouldBeFalse();
        leases[0].Dispose();

        (await sixth.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Dispose();
        leases.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task AcquireAsync_OtherTenant_IsNotHeldUpByABusyOne()
    {
        using var limiter = Create();
        var leases = new List<IDisposable>();
        for (var i = 0; i < 5; i++)
        {
            leases.Add(await limiter.AcquireAsync("tenant-a", TestContext.Current.CancellationToken));
        }

        var other = limiter.AcquireAsync("tenant-b", TestContext.Current.CancellationToken);

        other.IsCompleted.ShouldBeTrue();
        (await other).Dispose();
        leases.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task AcquireAsync_SixtyPerMinute_AllowsABurstOfFiveThenPaces()
    {
        using var limiter = Create(requestsPerMinute: 60);
        for (var i = 0; i < 5; i++)
        {
            var lease = limiter.AcquireAsync("tenant-a", TestContext.Current.CancellationToken);
            lease.IsCompleted.ShouldBeTrue($"call {i + 1} of the burst");
            (await lease).Dispose();
        }

        var sixth = limiter.AcquireAsync("tenant-a", TestContext.Current.CancellationToken).AsTask();

        sixth.IsCompleted.ShouldBeFalse();
        limiter.GetRateStatistics("tenant-a")!.CurrentQueuedCount.ShouldBe(1);
        // One token comes back every 60 s / 55 ≈ 1.09 s, so the burst plus a minute of refill stays at 60.
        (await sixth.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileQueued_ThrowsAndKeepsTheQueueClean()
    {
        using var limiter = Create();
        var leases = new List<IDisposable>();
        for (var i = 0; i < 5; i++)
        {
            leases.Add(await limiter.AcquireAsync("tenant-a", TestContext.Current.CancellationToken));
        }

        using var cancel = new CancellationTokenSource();
        var queued = limiter.AcquireAsync("tenant-a", cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => queued);
        limiter.GetConcurrencyStatistics("tenant-a")!.CurrentQueuedCount.ShouldBe(0);
        leases.ForEach(lease => lease.Dispose());
    }
}
