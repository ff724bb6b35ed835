using Portal.Core.Import.Runs;

namespace Portal.Web.Components.Pages.Import;

/// <summary>
/// Passes run progress on to one page at most once per <see cref="Interval"/>: snapshots arriving sooner wait, and only the
/// newest of each run is delivered when the interval is up, so a run that publishes often never floods a circuit, while
/// the last state of every run (its end above all) always gets through. Timed by <see cref="TimeProvider"/>, so tests drive
/// it with a fake clock. Hand-written: System.Reactive's Sample would do the same, but it is not worth a dependency for one
/// subscriber.
/// </summary>
public sealed class ProgressCoalescer(TimeProvider time, Func<ImportProgressSnapshot, Task> deliver) : IDisposable
{
    /// <summary>At most ten updates a second per page.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, ImportProgressSnapshot> _pending = [];
    private readonly List<int> _order = [];
    private long? _deliveredAt;
    private ITimer? _timer;
    private bool _disposed;

    /// <summary>Delivers now when the last delivery is an interval old, else keeps it (replacing an older snapshot of the same run) for the next.</summary>
    public Task OfferAsync(ImportProgressSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return Task.CompletedTask;
            }

            if (!_pending.ContainsKey(snapshot.RunId))
            {
                _order.Add(snapshot.RunId);
            }

            _pending[snapshot.RunId] = snapshot;
            if (_timer is not null)
            {
                return Task.CompletedTask;
            }

            var wait = _deliveredAt is { } at ? Interval - time.GetElapsedTime(at) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
            {
                _timer = time.CreateTimer(_ => _ = FlushFromTimerAsync(), null, wait, Timeout.InfiniteTimeSpan);
                return Task.CompletedTask;
            }
        }

        return FlushAsync();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
            _pending.Clear();
        }
    }

    private async Task FlushFromTimerAsync()
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception)
        {
            // Nobody awaits a timer: a closed page must not raise an unobserved exception; the page reports its own errors.
        }
    }

    private async Task FlushAsync()
    {
        ImportProgressSnapshot[] due;
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed)
            {
                return;
            }

            due = [.. _order.Select(runId => _pending[runId])];
            _pending.Clear();
            _order.Clear();
            _deliveredAt = time.GetTimestamp();
        }

        foreach (var snapshot in due)
        {
            await deliver(snapshot);
        }
    }
}
