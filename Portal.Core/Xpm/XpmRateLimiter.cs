using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Core.Xpm;

/// <summary>
/// XPM's per-tenant limits, kept on our side so calls queue instead of collecting 429s: at most
/// <see cref="XpmOptions.MaxConcurrentRequests"/> in flight and <see cref="XpmOptions.RequestsPerMinute"/> a minute.
/// </summary>
/// <remarks>
/// The minute limit is a token bucket whose burst plus one minute of refill equals the limit (60 → a burst of 5,
/// then one call every ~1.09 s), so any 60-second window stays within it, which a plain 60-token bucket would not.
/// </remarks>
internal sealed class XpmRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _concurrency;
    private readonly PartitionedRateLimiter<string> _rate;

    public XpmRateLimiter(IOptions<XpmOptions> options)
    {
        var o = options.Value;
        var burst = Math.Clamp(o.RequestsPerMinute / 12, 1, o.MaxConcurrentRequests);
        var refillPerMinute = Math.Max(1, o.RequestsPerMinute - burst);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, TimeSpan.FromMinutes(1).Ticks / refillPerMinute));

        _concurrency = PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetConcurrencyLimiter(tenant, _ =>
            new ConcurrencyLimiterOptions
            {
                PermitLimit = o.MaxConcurrentRequests,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        _rate = PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetTokenBucketLimiter(tenant, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                AutoReplenishment = true,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
    }

    /// <summary>Waits for a concurrency slot, then for a token of the minute budget. Dispose the lease to free the slot.</summary>
    public async ValueTask<IDisposable> AcquireAsync(string tenantId, CancellationToken cancellationToken)
    {
        var slot = await _concurrency.AcquireAsync(tenantId, 1, cancellationToken).ConfigureAwait(false);
        try
        {
            using var token = await _rate.AcquireAsync(tenantId, 1, cancellationToken).ConfigureAwait(false);
            if (!slot.IsAcquired || !token.IsAcquired)
            {
                // Unreachable with unbounded queues; kept so a future queue limit cannot turn into an over-limit call.
                throw new InvalidOperationException($"The XPM rate limiter refused a request for tenant {tenantId}.");
            }

            return slot;
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    public RateLimiterStatistics? GetConcurrencyStatistics(string tenantId) => _concurrency.GetStatistics(tenantId);

    public RateLimiterStatistics? GetRateStatistics(string tenantId) => _rate.GetStatistics(tenantId);

    public void Dispose()
    {
        _concurrency.Dispose();
        _rate.Dispose();
    }
}
