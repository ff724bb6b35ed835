namespace Portal.Core.Import.Runs;

/// <summary>
/// One run's live progress (a fetch or an import). The run records its state as often as it likes (<see cref="Update"/>, cheap); a heartbeat
/// publishes the latest state whenever nothing was published for <see cref="Interval"/>, so pages hear from a working run
/// at least that often even while XPM is slow to answer or a step runs long. Publishing is serialised and never sends an
/// older state after a newer one. How often each page re-renders is the page's business (it coalesces).
/// </summary>
internal sealed class RunProgress(ImportProgress progress, TimeProvider time) : IAsyncDisposable
{
    /// <summary>Under the 500 ms a working run promises pages, with room for a busy machine.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Latest? _latest;
    private long _sequence;
    private long _publishedSequence = -1;
    private long _publishedAt = time.GetTimestamp();
    private Task _heartbeat = Task.CompletedTask;

    public void Start() => _heartbeat = HeartbeatAsync(_stop.Token);

    public void Update(ImportRun run) => Volatile.Write(ref _latest, new Latest(Interlocked.Increment(ref _sequence), ImportProgressSnapshot.From(run)));

    /// <summary>Records the run's state and publishes it now (a phase change).</summary>
    public Task PublishAsync(ImportRun run)
    {
        Update(run);
        return PublishLatestAsync();
    }

    /// <summary>Records the run's state; publishes it if the last publish is <see cref="Interval"/> old.</summary>
    public Task UpdateAsync(ImportRun run)
    {
        Update(run);
        return time.GetElapsedTime(Interlocked.Read(ref _publishedAt)) >= Interval ? PublishLatestAsync() : Task.CompletedTask;
    }

    /// <summary>Stops the heartbeat: the run's final state is published by the runner itself, after this.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _heartbeat;
    }

    private async Task PublishLatestAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (Volatile.Read(ref _latest) is not { } latest || latest.Sequence < _publishedSequence)
            {
                return;
            }

            _publishedSequence = latest.Sequence;
            Interlocked.Exchange(ref _publishedAt, time.GetTimestamp());
            await progress.PublishAsync(latest.Snapshot);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (time.GetElapsedTime(Interlocked.Read(ref _publishedAt)) >= Interval)
                {
                    await PublishLatestAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The fetch finished.
        }
    }

    private sealed record Latest(long Sequence, ImportProgressSnapshot Snapshot);
}
