using Microsoft.Extensions.Options;

namespace Portal.XpmSandbox;

/// <summary>
/// Xero's gateway limits: per tenant a sliding minute, a rolling day (counted in minute buckets) and calls in flight;
/// per app a sliding minute across tenants. Refused calls are not counted. Thread-safe.
/// </summary>
public sealed class SandboxRateLimiter
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private readonly SandboxRateLimitOptions _limits;
    private readonly TimeProvider _time;
    private readonly Dictionary<Guid, Tenant> _tenants = [];
    private readonly Queue<DateTimeOffset> _appMinute = new();

    public SandboxRateLimiter(IOptions<XpmSandboxOptions> options, TimeProvider time)
    {
        _limits = options.Value.RateLimits;
        _time = time;
    }

    /// <summary>Counts the call and takes a concurrency slot (give it back with <see cref="Release"/>), or says why not.</summary>
    public SandboxRateDecision TryAcquire(Guid tenantId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Trim(_appMinute, now - OneMinute);
            var tenant = TenantFor(tenantId, now);

            string? problem = null;
            var retryAfter = TimeSpan.Zero;
            if (tenant.InFlight >= _limits.Concurrent)
            {
                (problem, retryAfter) = ("concurrent", TimeSpan.FromSeconds(1));
            }
            else if (tenant.Minute.Count >= _limits.PerMinute)
            {
                (problem, retryAfter) = ("minute", tenant.Minute.Peek() + OneMinute - now);
            }
            else if (tenant.DayCount >= _limits.PerDay)
            {
                (problem, retryAfter) = ("day", tenant.UntilDayRoom(_limits.PerDay, now));
            }
            else if (_appMinute.Count >= _limits.AppPerMinute)
            {
                (problem, retryAfter) = ("appminute", _appMinute.Peek() + OneMinute - now);
            }

            if (problem is null)
            {
                tenant.Minute.Enqueue(now);
                tenant.CountToday(now);
                _appMinute.Enqueue(now);
                tenant.InFlight++;
            }

            return new SandboxRateDecision(
                problem is null,
                problem,
                retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter,
                Math.Max(0, _limits.PerDay - tenant.DayCount),
                Math.Max(0, _limits.PerMinute - tenant.Minute.Count),
                Math.Max(0, _limits.AppPerMinute - _appMinute.Count));
        }
    }

    /// <summary>The remaining counts without counting a call.</summary>
    public SandboxRateDecision Peek(Guid tenantId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Trim(_appMinute, now - OneMinute);
            var tenant = TenantFor(tenantId, now);
            return new SandboxRateDecision(true, null, TimeSpan.Zero,
                Math.Max(0, _limits.PerDay - tenant.DayCount),
                Math.Max(0, _limits.PerMinute - tenant.Minute.Count),
                Math.Max(0, _limits.AppPerMinute - _appMinute.Count));
        }
    }

    public void Release(Guid tenantId)
    {
        lock (_gate)
        {
            if (_tenants.TryGetValue(tenantId, out var tenant) && tenant.InFlight > 0)
            {
                tenant.InFlight--;
            }
        }
    }

    /// <summary>Remaining calls in the app-wide minute (what a bad-tenant 403 reports).</summary>
    public int AppMinuteRemaining()
    {
        lock (_gate)
        {
            Trim(_appMinute, _time.GetUtcNow() - OneMinute);
            return Math.Max(0, _limits.AppPerMinute - _appMinute.Count);
        }
    }

    public int InFlight(Guid tenantId)
    {
        lock (_gate)
        {
            return _tenants.TryGetValue(tenantId, out var tenant) ? tenant.InFlight : 0;
        }
    }

    private Tenant TenantFor(Guid tenantId, DateTimeOffset now)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            _tenants[tenantId] = tenant = new Tenant();
        }

        Trim(tenant.Minute, now - OneMinute);
        tenant.TrimDay(now - OneDay);
        return tenant;
    }

    private static void Trim(Queue<DateTimeOffset> calls, DateTimeOffset windowStart)
    {
        while (calls.Count > 0 && calls.Peek() <= windowStart)
        {
            calls.Dequeue();
        }
    }

    private sealed class Tenant
    {
        private readonly Queue<Bucket> _dayBuckets = new();
        private Bucket? _lastBucket;

        public Queue<DateTimeOffset> Minute { get; } = new();

        public int DayCount { get; private set; }

        public int InFlight { get; set; }

        public void CountToday(DateTimeOffset now)
        {
            var minuteStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            if (_lastBucket is null || _lastBucket.MinuteStart != minuteStart)
            {
                _lastBucket = new Bucket(minuteStart);
                _dayBuckets.Enqueue(_lastBucket);
            }

            _lastBucket.Count++;
            DayCount++;
        }

        public void TrimDay(DateTimeOffset windowStart)
        {
            while (_dayBuckets.Count > 0 && _dayBuckets.Peek().MinuteStart + OneMinute <= windowStart)
            {
                DayCount -= _dayBuckets.Dequeue().Count;
            }

            if (_dayBuckets.Count == 0)
            {
                _lastBucket = null;
            }
        }

        /// <summary>How long until enough of the day's calls age out to allow one more.</summary>
        public TimeSpan UntilDayRoom(int perDay, DateTimeOffset now)
        {
            var excess = DayCount - perDay + 1;
            foreach (var bucket in _dayBuckets)
            {
                excess -= bucket.Count;
                if (excess <= 0)
                {
                    return bucket.MinuteStart + OneMinute + OneDay - now;
                }
            }

            return OneDay;
        }

        private sealed class Bucket(DateTimeOffset minuteStart)
        {
            public DateTimeOffset MinuteStart { get; } = minuteStart;

            public int Count { get; set; }
        }
    }
}
